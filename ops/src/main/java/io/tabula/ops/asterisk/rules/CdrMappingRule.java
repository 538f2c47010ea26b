package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.conf.ConfEntry;
import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfSection;
import io.tabula.ops.asterisk.dialplan.AppArgs;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cdr-app-data}: the custom CDR and CEL backends write whatever their mappings name. The
 * fields that carry application data or keyed digits are {@code lastdata} (the last application's
 * arguments), {@code userfield} (whatever the dialplan put there), CEL's {@code appdata} and {@code
 * eventextra}, and {@code dnid} (the digits dialled). A mapping that stores one writes caller input
 * to disk the day the dialplan passes it to an application. Both mapping styles of Asterisk 22 are
 * read: legacy templates ({@code [mappings]} in cdr_custom.conf and cel_custom.conf, {@code
 * [master]} in the sqlite3 ones, {@code ${CDR(lastdata)}}, {@code ${CHANNEL(appdata)}}, {@code
 * ${eventextra}}...) and advanced ones (any other section of cdr_custom.conf or cel_custom.conf,
 * {@code fields = ...,lastdata,...}).
 */
public final class CdrMappingRule implements LintRule {

  /** Each custom backend's file and the section holding its legacy mappings. */
  private static final Map<String, String> LEGACY =
      Map.of(
          "cdr_custom.conf", "mappings",
          "cel_custom.conf", "mappings",
          "cdr_sqlite3_custom.conf", "master",
          "cel_sqlite3_custom.conf", "master");

  /** The files whose other sections are advanced mappings ({@code fields = ...}). */
  private static final Set<String> ADVANCED = Set.of("cdr_custom.conf", "cel_custom.conf");

  private static final Set<String> RISKY =
      Set.of("lastdata", "userfield", "appdata", "eventextra", "dnid");

  private static final Pattern TEMPLATE_FIELD =
      Pattern.compile(
          "\\$\\{(?:CDR\\(|CALLERID\\(|CHANNEL\\()?(lastdata|userfield|appdata|eventextra|dnid)\\b",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return "cdr-app-data";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (String name : LEGACY.keySet().stream().sorted().toList()) {
      Optional<ConfFile> file = config.file(name);
      for (ConfSection section : file.map(ConfFile::sections).orElse(List.of())) {
        if (section.name().equalsIgnoreCase(LEGACY.get(name))) {
          section.entries().forEach(entry -> template(name, entry).ifPresent(findings::add));
        } else if (ADVANCED.contains(name)) {
          section.last("fields").flatMap(e -> fields(name, e)).ifPresent(findings::add);
        }
      }
    }
    return findings;
  }

  private Optional<Finding> template(String file, ConfEntry entry) {
    Matcher field = TEMPLATE_FIELD.matcher(entry.value());
    return field.find() ? Optional.of(finding(file, entry, field.group(1))) : Optional.empty();
  }

  /** An advanced {@code fields} list: names with optional {@code (qualifiers)}, literals quoted. */
  private Optional<Finding> fields(String file, ConfEntry entry) {
    for (String field : AppArgs.split(entry.value())) {
      int qualifiers = field.indexOf('(');
      String name = (qualifiers < 0 ? field : field.substring(0, qualifiers)).strip();
      if (!name.startsWith("\"") && RISKY.contains(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(finding(file, entry, name));
      }
    }
    return Optional.empty();
  }

  private Finding finding(String file, ConfEntry entry, String field) {
    return new Finding(
        id(),
        Severity.WARNING,
        entry.where(),
        file + " stores " + field + ", which carries application arguments or keyed digits",
        "drop " + field + " from the mapping");
  }
}

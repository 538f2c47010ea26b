package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.conf.ConfEntry;
import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfSection;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cdr-app-data}: the custom CDR and CEL backends write whatever their mappings name. The
 * fields that carry application data or keyed digits are {@code lastdata} (the last application's
 * arguments), {@code userfield} (whatever the dialplan put there), CEL's {@code appdata} and {@code
 * eventextra}, and {@code dnid} (the digits dialled). A mapping that stores one writes caller input
 * to disk the day the dialplan passes it to an application.
 */
public final class CdrMappingRule implements LintRule {

  /** Each custom backend's file and the section holding its mappings. */
  private static final Map<String, String> MAPPINGS =
      Map.of(
          "cdr_custom.conf", "mappings",
          "cel_custom.conf", "mappings",
          "cdr_sqlite3_custom.conf", "master",
          "cel_sqlite3_custom.conf", "master");

  private static final Pattern FIELD =
      Pattern.compile(
          "\\$\\{(?:CDR\\(|CALLERID\\()?(lastdata|userfield|appdata|eventextra|dnid)\\b",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return "cdr-app-data";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (String name : MAPPINGS.keySet().stream().sorted().toList()) {
      Optional<ConfFile> file = config.file(name);
      for (ConfSection section : file.map(f -> f.sections(MAPPINGS.get(name))).orElse(List.of())) {
        section.entries().forEach(entry -> check(name, entry).ifPresent(findings::add));
      }
    }
    return findings;
  }

  private Optional<Finding> check(String file, ConfEntry entry) {
    Matcher field = FIELD.matcher(entry.value());
    if (!field.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            id(),
            Severity.WARNING,
            entry.where(),
            file
                + " stores "
                + field.group(1)
                + ", which carries application arguments or"
                + " keyed digits",
            "drop " + field.group(1) + " from the mapping"));
  }
}

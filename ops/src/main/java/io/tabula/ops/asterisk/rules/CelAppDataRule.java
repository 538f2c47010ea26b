package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.conf.ConfEntry;
import io.tabula.ops.asterisk.conf.ConfSection;
import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import io.tabula.ops.asterisk.lint.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cel-app-data}: CEL's APP_START and APP_END events store the arguments of the applications
 * listed in {@code apps=} (the {@code appdata} field every CEL backend writes). Three cases, as
 * Asterisk 22's main/cel.c decides them:
 *
 * <ul>
 *   <li>{@code apps=} without APP_START, APP_END or ALL in {@code events=}: Asterisk rejects
 *       cel.conf ("Applications are listed to be tracked, but APP events are not tracked") and CEL
 *       stays off, so the configuration does not do what it claims;
 *   <li>APP events for {@code all} applications: any application that is ever given caller input
 *       writes it to disk;
 *   <li>APP events for an application that takes caller input (Read, ReadExten, SendDTMF).
 * </ul>
 */
public final class CelAppDataRule implements LintRule {

  private static final Set<String> INPUT_APPS = Set.of("read", "readexten", "senddtmf");
  private static final Set<String> APP_EVENTS = Set.of("APP_START", "APP_END", "ALL");

  @Override
  public String id() {
    return "cel-app-data";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<ConfSection> general = config.file("cel.conf").flatMap(c -> c.section("general"));
    boolean enabled =
        general.flatMap(g -> g.last("enable")).map(e -> isTrue(e.value())).orElse(false);
    Optional<ConfEntry> apps = general.flatMap(g -> g.last("apps"));
    List<String> appNames = apps.map(a -> list(a.value(), true)).orElse(List.of());
    if (!enabled || appNames.isEmpty()) {
      return List.of();
    }
    boolean appEvents =
        general
            .flatMap(g -> g.last("events"))
            .map(e -> list(e.value(), false))
            .orElse(List.of())
            .stream()
            .anyMatch(APP_EVENTS::contains);
    if (!appEvents) {
      return List.of(
          finding(
              Severity.ERROR,
              apps.get(),
              "apps= is set but events= tracks no APP_START or APP_END: Asterisk rejects"
                  + " cel.conf and CEL stays off",
              "remove apps= (CEL then stores no application arguments), or add APP_START to"
                  + " events= for applications that never carry caller input"));
    }
    return appNames.stream().flatMap(app -> tracked(app, apps.get()).stream()).toList();
  }

  /** What storing {@code app}'s arguments risks, if anything. */
  private Optional<Finding> tracked(String app, ConfEntry where) {
    if (app.equals("all")) {
      return Optional.of(
          finding(
              Severity.WARNING,
              where,
              "CEL stores the arguments of every application: any that is ever given caller"
                  + " input writes it to disk",
              "list only the applications billing needs, e.g. apps = queue"));
    }
    if (INPUT_APPS.contains(app)) {
      return Optional.of(
          finding(
              Severity.ERROR,
              where,
              "CEL stores the arguments of " + app + ", which carry the keys a caller pressed",
              "take " + app + " out of apps="));
    }
    return Optional.empty();
  }

  private Finding finding(Severity severity, ConfEntry where, String what, String fix) {
    return new Finding(id(), severity, where.where(), what, fix);
  }

  private static List<String> list(String value, boolean lowerCase) {
    return List.of(value.split(",")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> lowerCase ? s.toLowerCase(Locale.ROOT) : s)
        .toList();
  }

  private static boolean isTrue(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "y", "t", "1", "on" -> true;
      default -> false;
    };
  }
}

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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code logger-dtmf}: a logger.conf channel with the {@code dtmf} level logs "DTMF begin '4'
 * received" for every key a caller presses; one with {@code debug} gets every AMI event at debug
 * level 4 (DTMFEnd with its Digit included, whatever the manager users' filters) and modules' DTMF
 * debug lines; {@code *} means every level. Levels are read as Asterisk's make_components() does:
 * an optional {@code [formatter]} first, then comma-separated names, case-insensitive.
 */
public final class LoggerLevelsRule implements LintRule {

  @Override
  public String id() {
    return "logger-dtmf";
  }

  @Override
  public List<Finding> check(AsteriskConfig config, FlowFacts flows) throws IOException {
    Optional<ConfFile> logger = config.file("logger.conf");
    List<Finding> findings = new ArrayList<>();
    for (ConfSection section : logger.map(l -> l.sections("logfiles")).orElse(List.of())) {
      for (ConfEntry channel : section.entries()) {
        levels(channel.value()).forEach(level -> leak(channel, level).ifPresent(findings::add));
      }
    }
    return findings;
  }

  private static List<String> levels(String value) {
    String levels = value;
    int open = levels.indexOf('[');
    int close = open < 0 ? -1 : levels.indexOf(']', open);
    if (close >= 0) {
      levels = levels.substring(close + 1);
    }
    return List.of(levels.split(",")).stream()
        .map(level -> level.strip().toLowerCase(Locale.ROOT))
        .toList();
  }

  private Optional<Finding> leak(ConfEntry channel, String level) {
    String what =
        switch (level) {
          case "dtmf" ->
              "log channel '"
                  + channel.name()
                  + "' has the dtmf level: it logs every key a"
                  + " caller presses, card numbers included";
          case "debug" ->
              "log channel '"
                  + channel.name()
                  + "' has the debug level: at debug 4 and up it"
                  + " logs every AMI event, DTMFEnd digits included, whatever the manager filters";
          case "*" ->
              "log channel '"
                  + channel.name()
                  + "' has '*' (every level, dtmf and debug"
                  + " included): it logs every key a caller presses";
          default -> null;
        };
    if (what == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            id(),
            Severity.ERROR,
            channel.where(),
            what,
            "list the levels without dtmf, debug or *, e.g. "
                + channel.name()
                + " => notice,warning,error"));
  }
}

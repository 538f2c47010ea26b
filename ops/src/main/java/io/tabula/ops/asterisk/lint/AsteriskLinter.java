package io.tabula.ops.asterisk.lint;

import io.tabula.ops.asterisk.rules.AgiRouteRule;
import io.tabula.ops.asterisk.rules.CdrMappingRule;
import io.tabula.ops.asterisk.rules.CelAppDataRule;
import io.tabula.ops.asterisk.rules.ConfSyntaxRule;
import io.tabula.ops.asterisk.rules.DialplanInputRule;
import io.tabula.ops.asterisk.rules.EngineMuteRule;
import io.tabula.ops.asterisk.rules.LoggerLevelsRule;
import io.tabula.ops.asterisk.rules.ManagerDebugRule;
import io.tabula.ops.asterisk.rules.ManagerDtmfRule;
import io.tabula.ops.asterisk.rules.ManagerFilterRule;
import io.tabula.ops.asterisk.rules.QueueRule;
import io.tabula.ops.asterisk.rules.RecordingScrubRule;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule over one Asterisk configuration and the flows it serves.
 *
 * <pre>{@code
 * LintResult result =
 *     new AsteriskLinter().lint(new AsteriskConfig(Path.of("/etc/asterisk")), FlowFacts.shipped());
 * result.findings().forEach(f -> System.out.println(f.render()));
 * }</pre>
 */
public final class AsteriskLinter {

  /** The rules in the order they run; conf-syntax last, over every file the others read. */
  public static List<LintRule> rules() {
    return List.of(
        new LoggerLevelsRule(),
        new ManagerDebugRule(),
        new ManagerDtmfRule(),
        new ManagerFilterRule(),
        new EngineMuteRule(),
        new RecordingScrubRule(),
        new AgiRouteRule(),
        new QueueRule(),
        new DialplanInputRule(),
        new CelAppDataRule(),
        new CdrMappingRule(),
        new ConfSyntaxRule());
  }

  /** What one run found. */
  public record LintResult(List<Finding> findings, int files, List<String> unreadable) {

    public long count(Severity severity) {
      return findings.stream().filter(f -> f.severity() == severity).count();
    }
  }

  public LintResult lint(AsteriskConfig config, FlowFacts flows) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<String>> unreadableFiles = new LinkedHashMap<>();
    for (LintRule rule : rules()) {
      try {
        findings.addAll(rule.check(config, flows));
      } catch (IOException e) {
        unreadableFiles.computeIfAbsent(describe(e), key -> new ArrayList<>()).add(rule.id());
      }
    }
    findings.sort(
        Comparator.comparing((Finding f) -> f.where().file().toString())
            .thenComparingInt(f -> f.where().line())
            .thenComparingInt(f -> f.where().column())
            .thenComparing(Finding::rule));
    List<String> unreadable = new ArrayList<>(flows.unreadable());
    unreadableFiles.forEach(
        (what, rules) ->
            unreadable.add(
                what
                    + ", so "
                    + String.join(", ", rules)
                    + " could not be checked; make it readable by this user"));
    return new LintResult(List.copyOf(findings), config.filesRead().size(), unreadable);
  }

  /** {@code <file>: cannot be read (<exception>)}, naming the file where the exception does. */
  private static String describe(IOException e) {
    String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
    return (file.isEmpty() ? "a configuration file" : file)
        + ": cannot be read ("
        + e.getClass().getSimpleName()
        + ")";
  }
}

package io.tabula.ops.asterisk;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.AsteriskLinter;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.audit.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula asterisk lint [DIR]}: reports every setting that leaks keys or breaks Tabula. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Read an Asterisk configuration folder as Asterisk does (includes, templates, comments) and"
          + " report every setting that would leak the keys callers press or break the engine:"
          + " dtmf/debug log channels, manager users that receive DTMF events, CDR/CEL fields"
          + " with application data, AGI routes and agent queues that do not match the flows,"
          + " recordings the engine cannot mute or that are not scrubbed.",
      "Each finding gives file:line:column, the rule, what is wrong and the fix; docker/README.md"
          + " explains every rule."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing found", "1:findings", "2:bad arguments or unreadable files"})
final class LintCommand implements Callable<Integer> {

  /** The files whose absence means the folder is not an Asterisk configuration. */
  private static final List<String> MARKERS =
      List.of("asterisk.conf", "extensions.conf", "manager.conf", "logger.conf", "modules.conf");

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "/etc/asterisk",
      description = "The Asterisk configuration folder (default: /etc/asterisk).")
  Path dir;

  @Option(
      names = "--flows",
      paramLabel = "DIR",
      description =
          "The flows the dialplan routes to (default: ./flows if it exists, else the shipped"
              + " flows).")
  Path flows;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json (one JSON object per line, summary last).")
  ReportFormat format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println(dir + ": no such folder; give the Asterisk configuration folder");
      err.flush();
      return LintReport.INCOMPLETE;
    }
    if (MARKERS.stream().noneMatch(name -> Files.exists(dir.resolve(name)))) {
      err.println(dir + ": holds none of " + MARKERS + "; give the Asterisk configuration folder");
      err.flush();
      return LintReport.INCOMPLETE;
    }
    FlowFacts facts;
    try {
      facts = flowFacts();
    } catch (IOException e) {
      err.println(flows + ": cannot read the flows folder; check the path given to --flows");
      err.flush();
      return LintReport.INCOMPLETE;
    }
    AsteriskLinter.LintResult result = new AsteriskLinter().lint(new AsteriskConfig(dir), facts);
    return new LintReport(spec.commandLine().getOut(), err, format).print(result, dir, facts);
  }

  private FlowFacts flowFacts() throws IOException {
    if (flows != null) {
      return FlowFacts.fromDir(flows);
    }
    Path local = Path.of("flows");
    return Files.isDirectory(local) ? FlowFacts.fromDir(local) : FlowFacts.shipped();
  }
}

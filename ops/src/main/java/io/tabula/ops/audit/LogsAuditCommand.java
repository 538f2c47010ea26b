package io.tabula.ops.audit;

import io.tabula.masking.audit.AuditFiles;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.LogAuditor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula audit logs PATH...}: scans log files and folders for card data and secrets. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Scan log files and folders (plain or JSON lines; UTF-8 or UTF-16; gzip, bzip2, xz or zstd;"
          + " lines of any length) for card numbers, track data, CVCs, PINs, AGI result and DTMF"
          + " digits, passwords, private keys and bearer tokens, and cards keyed one key per line"
          + " (Asterisk DTMF, AGI, SIP INFO and RFC 4733 lines, put back together per call).",
      "Findings are printed masked (brand and last four at most)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing found", "1:findings", "2:bad arguments or unreadable files"})
final class LogsAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json (one JSON object per line, summary last).")
  ReportFormat format;

  @Option(
      names = "--explain",
      description =
          "After each finding, print why it is one: the rule, the field it stood in and the card"
              + " brand (masked: never the digits).")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    List<Path> files;
    try {
      files = AuditFiles.expand(paths, file -> true);
    } catch (IOException e) {
      return AuditReport.badPath(spec.commandLine().getErr(), e);
    }
    AuditReport report =
        new AuditReport(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            format,
            "Scanning logs",
            AuditFiles.totalBytes(files));
    report.explaining(explain);
    AuditSummary summary = new LogAuditor().audit(files, report);
    return report.finish(summary);
  }
}

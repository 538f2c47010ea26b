package io.tabula.ops.audit;

import io.tabula.masking.audio.AudioInput;
import io.tabula.masking.audit.AuditFiles;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.RecordingAuditor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula audit recordings PATH...}: reports every DTMF key tone in recordings. */
@Command(
    name = "recordings",
    mixinStandardHelpOptions = true,
    description = {
      "Scan recordings (WAV: 16-bit PCM, u-law, A-law; raw .sln/.sln16) for DTMF key tones"
          + " and report each with file and time. Keys are not shown.",
      "Folders are searched for .wav, .sln, .sln16 and .raw files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no key tone", "1:key tones found", "2:bad arguments or unreadable files"})
final class RecordingsAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Recordings or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json (one JSON object per line, summary last).")
  ReportFormat format;

  @Option(
      names = "--raw-rate",
      defaultValue = "0",
      description = "Sample rate of headerless files (default: 16000 for .sln16, else 8000).")
  int rawRate;

  @Override
  public Integer call() throws IOException {
    List<Path> files;
    try {
      files = AuditFiles.expand(paths, AudioInput::isRecording);
    } catch (IOException e) {
      return AuditReport.badPath(spec.commandLine().getErr(), e);
    }
    AuditReport report =
        new AuditReport(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            format,
            "Scanning recordings",
            AuditFiles.totalBytes(files));
    AuditSummary summary = new RecordingAuditor(rawRate).audit(files, report);
    return report.finish(summary);
  }
}

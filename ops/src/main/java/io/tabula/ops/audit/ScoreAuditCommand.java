package io.tabula.ops.audit;

import io.tabula.masking.audit.CorpusScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula audit score CORPUS}: measures {@code audit logs} on a labelled corpus (a red team's
 * or your own): {@code leaks/} must all be found, {@code ordinary/} must not be flagged.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Measure audit logs on a labelled corpus: CORPUS/leaks/ (every sample must be found) and"
          + " CORPUS/ordinary/ (no sample may be flagged). One file per class; samples are"
          + " separated by lines starting with '"
          + CorpusScore.SAMPLE_MARK
          + "' (a file without"
          + " them is one sample).",
      "Prints found %, flagged % and MB/s per class and in total."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:goals met", "1:a goal missed", "2:bad arguments or corpus"})
final class ScoreAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CORPUS", description = "Folder holding leaks/ and ordinary/.")
  Path corpus;

  @Option(
      names = "--min-found",
      defaultValue = "99",
      description =
          "Goal: at least this percent of leak samples found (default: ${DEFAULT-VALUE}).")
  double minFound;

  @Option(
      names = "--max-flagged",
      defaultValue = "0.1",
      description =
          "Goal: at most this percent of ordinary samples flagged (default: ${DEFAULT-VALUE}).")
  double maxFlagged;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CorpusScore.Result result;
    try {
      result = CorpusScore.score(corpus);
    } catch (IOException e) {
      return AuditReport.badPath(spec.commandLine().getErr(), e);
    }
    out.print(result.table());
    boolean met = result.foundPercent() >= minFound && result.flaggedPercent() <= maxFlagged;
    out.printf(
        Locale.ROOT,
        "Goals (found >= %.2f %%, flagged <= %.3f %%): %s.%n",
        minFound,
        maxFlagged,
        met ? "met" : "missed");
    out.flush();
    return met ? AuditReport.CLEAN : AuditReport.FOUND;
  }
}

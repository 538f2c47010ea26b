package io.tabula.ops.audit;

import io.tabula.masking.audit.AuditFinding;
import io.tabula.masking.audit.AuditListener;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.ops.cli.ProgressBar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints an audit as it runs: findings on standard output (text or JSON lines), progress and
 * unreadable files on standard error, and the closing summary. Decides the exit code.
 */
final class AuditReport implements AuditListener {

  static final int CLEAN = 0;
  static final int FOUND = 1;
  static final int INCOMPLETE = 2;

  private final PrintWriter out;
  private final PrintWriter err;
  private final ReportFormat format;
  private final ProgressBar bar;
  private boolean barOnScreen;
  private boolean explain;

  AuditReport(PrintWriter out, PrintWriter err, ReportFormat format, String label, long bytes) {
    this.out = out;
    this.err = err;
    this.format = format;
    this.bar = new ProgressBar(err, label, bytes, System.console() != null);
  }

  /** Also prints why each finding is one (rule, field, brand; never the digits). */
  AuditReport explaining(boolean on) {
    this.explain = on;
    return this;
  }

  @Override
  public void finding(AuditFinding finding) {
    endBarLine();
    boolean why = explain && !finding.why().isEmpty();
    if (format == ReportFormat.JSON) {
      out.println(json(finding, why));
    } else {
      out.println(text(finding));
      if (why) {
        out.println("  why: " + finding.why());
      }
    }
    out.flush();
  }

  @Override
  public void progress(long bytes) {
    bar.advance(bytes);
    barOnScreen = System.console() != null;
  }

  @Override
  public void unreadable(Path file, String reason) {
    endBarLine();
    err.printf("%s: %s%n", file, reason);
    err.flush();
  }

  /** Finishes the bar, prints the summary, returns the exit code. */
  int finish(AuditSummary summary) {
    bar.finish();
    barOnScreen = false;
    if (format == ReportFormat.JSON) {
      out.printf(
          Locale.ROOT,
          "{\"summary\":{\"files\":%d,\"bytes\":%d,\"findings\":%d,\"unreadable\":%d}}%n",
          summary.files(),
          summary.bytes(),
          summary.findings(),
          summary.unreadable());
    } else {
      out.println(summary.sentence());
    }
    out.flush();
    if (summary.findings() > 0) {
      return FOUND;
    }
    return summary.unreadable() > 0 ? INCOMPLETE : CLEAN;
  }

  /** A path that cannot be listed: says which and why, returns {@link #INCOMPLETE}. */
  static int badPath(PrintWriter err, java.io.IOException e) {
    String what =
        e instanceof java.nio.file.NoSuchFileException missing
            ? missing.getFile() + ": no such file or folder; check the path"
            : "cannot list the given paths ("
                + e.getClass().getSimpleName()
                + "): check permissions";
    err.println(what);
    err.flush();
    return INCOMPLETE;
  }

  private void endBarLine() {
    if (barOnScreen) {
      err.println();
      barOnScreen = false;
    }
  }

  private static String text(AuditFinding finding) {
    String where =
        finding.seconds() >= 0
            ? String.format(Locale.ROOT, "%s @ %s", finding.file(), clock(finding.seconds()))
            : finding.file() + ":" + finding.line();
    return where + ": " + finding.kind() + " " + finding.masked();
  }

  static String clock(double seconds) {
    long millis = Math.round(seconds * 1000);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d.%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000);
  }

  private static String json(AuditFinding finding, boolean why) {
    StringBuilder json = new StringBuilder(128).append("{\"file\":");
    Json.quote(finding.file().toString(), json);
    if (finding.seconds() >= 0) {
      json.append(String.format(Locale.ROOT, ",\"seconds\":%.3f", finding.seconds()));
    } else {
      json.append(",\"line\":").append(finding.line());
    }
    json.append(",\"kind\":");
    Json.quote(finding.kind(), json);
    json.append(",\"finding\":");
    Json.quote(finding.masked(), json);
    if (why) {
      json.append(",\"why\":");
      Json.quote(finding.why(), json);
    }
    return json.append('}').toString();
  }
}

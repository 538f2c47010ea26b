package io.tabula.ops.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for long-running commands (scans, imports, load runs). On a terminal it
 * redraws in place; in a pipe or a CI log it prints a line at most every 10 % so logs stay short.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(out, "Scanning logs", totalBytes, System.console() != null);
 * bar.advance(bytesRead);
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean interactive;
  private long done;
  private int lastPercent = -1;

  public ProgressBar(PrintWriter out, String label, long total, boolean interactive) {
    this.out = out;
    this.label = label;
    this.total = Math.max(total, 1);
    this.interactive = interactive;
  }

  /** Records {@code amount} more units of work and redraws when the percentage changed. */
  public void advance(long amount) {
    done = Math.min(total, done + amount);
    int percent = percent();
    if (percent == lastPercent
        || (!interactive && lastPercent >= 0 && percent / 10 == lastPercent / 10)) {
      return;
    }
    lastPercent = percent;
    out.print(interactive ? "\r" + render() : render() + System.lineSeparator());
    out.flush();
  }

  /** Completes the bar and ends its line. */
  public void finish() {
    advance(total - done);
    if (interactive) {
      out.println();
    }
    out.flush();
  }

  String render() {
    int filled = (int) (WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%%",
        label,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        percent());
  }

  private int percent() {
    return (int) (100 * done / total);
  }
}

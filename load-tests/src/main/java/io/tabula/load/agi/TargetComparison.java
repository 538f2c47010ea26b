package io.tabula.load.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One target's figures over a reference target's from the same run, for issue 23's goals (the
 * engine against the C floor): CPU per AGI command without the JIT compiler's threads, the p99
 * turnaround from a reply to the next command after the ramp-up, and memory per call in progress.
 *
 * <p>Example: {@code new TargetComparison(floorReport, engineReport).table()} prints rows like
 * {@code CPU us per AGI command, without JIT 14.2 31.0 2.18x}.
 */
record TargetComparison(TargetReport reference, TargetReport subject) {

  /** One figure of both targets and their ratio (subject / reference). */
  record Row(String figure, double reference, double subject) {

    /** subject / reference; NaN when the reference is 0 or either side is unknown (below 0). */
    double ratio() {
      return reference <= 0 || subject < 0 ? Double.NaN : subject / reference;
    }
  }

  /** CPU per command without JIT threads: the cost figure. */
  double cpuRatio() {
    return cpuWithoutJit().ratio();
  }

  /** p99 turnaround after the ramp-up. */
  double p99Ratio() {
    return p99().ratio();
  }

  /** KiB per call in progress (RSS over the fresh target). */
  double memoryRatio() {
    return memory().ratio();
  }

  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(cpuWithoutJit());
    rows.add(
        new Row(
            "CPU us per AGI command, without JIT and GC",
            reference.cpuMicrosPerCommandWithoutJitAndGc(),
            subject.cpuMicrosPerCommandWithoutJitAndGc()));
    rows.add(
        new Row(
            "CPU us per AGI command, all threads",
            reference.cpuMicrosPerCommand(),
            subject.cpuMicrosPerCommand()));
    rows.add(p99());
    rows.add(
        new Row(
            "turnaround p99.9 after ramp-up, ms",
            reference.steadyTurnaroundMillis(99.9),
            subject.steadyTurnaroundMillis(99.9)));
    rows.add(
        new Row(
            "turnaround p50 after ramp-up, ms",
            reference.steadyTurnaroundMillis(50),
            subject.steadyTurnaroundMillis(50)));
    rows.add(memory());
    return rows;
  }

  private Row cpuWithoutJit() {
    return new Row(
        "CPU us per AGI command, without JIT",
        reference.cpuMicrosPerCommandWithoutJit(),
        subject.cpuMicrosPerCommandWithoutJit());
  }

  private Row p99() {
    return new Row(
        "turnaround p99 after ramp-up, ms",
        reference.steadyTurnaroundMillis(99),
        subject.steadyTurnaroundMillis(99));
  }

  private Row memory() {
    return new Row(
        "KiB per call in progress (RSS over fresh)",
        reference.rssKiBPerCallOverFresh(),
        subject.rssKiBPerCallOverFresh());
  }

  /** The rows as a table, then failed calls and load averages, which have no ratio. */
  String table() {
    StringBuilder out = new StringBuilder();
    String names = subject.target() + "/" + reference.target();
    out.append(
        String.format(
            Locale.ROOT,
            "%-45s %12s %12s %14s%n",
            "figure",
            reference.target(),
            subject.target(),
            names));
    for (Row row : rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-45s %12.2f %12.2f %13.2fx%n",
              row.figure(),
              row.reference(),
              row.subject(),
              row.ratio()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-45s %12d %12d%n",
            "calls completed",
            reference.load().completed(),
            subject.load().completed()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-45s %12d %12d%n",
            "calls failed",
            reference.load().failedCount(),
            subject.load().failedCount()));
    for (TargetReport report : List.of(reference, subject)) {
      if (report.load().failedCount() > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s failed calls by reason: %s%n",
                report.target(),
                report.load().failed()));
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-45s %12s %12s%n",
            "load average (start -> end)",
            loadOf(reference),
            loadOf(subject)));
    return out.toString();
  }

  private static String loadOf(TargetReport report) {
    return String.format(
        Locale.ROOT, "%.1f->%.1f", report.cpu().loadBefore(), report.cpu().loadAfter());
  }
}

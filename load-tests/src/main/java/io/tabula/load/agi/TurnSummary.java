package io.tabula.load.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * One subject target over the reference across the turns of one run ({@code LoadRun --turns N}): a
 * line per turn, the pooled and median CPU ratios, and, when goals are given, which turns met them
 * and whether they held in every turn in a row.
 *
 * <p>Why turns: on a shared, paravirtualised machine the CPU a command costs drifts by about a
 * fifth from one minute to the next, independently for each target, so one reference-then-subject
 * pair says little. Alternating the order each turn ({@link #order}) lets a linear drift land on
 * both targets alike, and pooling the turns averages what is left.
 *
 * <p>Example: {@code new TurnSummary("floor", "engine", goals, turns).text()} prints {@code turn 1:
 * CPU 1.31x (1.22x without GC) p99 1.80x 6.1 KiB/call failed 0/0 | cpu<=1.25 missed, p99<=2 met}.
 */
record TurnSummary(String reference, String subject, Goals goals, List<Turn> turns) {

  TurnSummary {
    turns = List.copyOf(turns);
  }

  /**
   * The goals a turn is held to; NaN where not given. A turn with a failed call on either target
   * meets none of them.
   *
   * @param cpu the subject's CPU per AGI command without JIT threads over the reference's, at most
   * @param p99 the subject's p99 turnaround after the ramp-up over the reference's, at most
   * @param kib the subject's KiB per call in progress (RSS over the fresh target), at most
   */
  record Goals(double cpu, double p99, double kib) {

    static final Goals NONE = new Goals(Double.NaN, Double.NaN, Double.NaN);

    /** From options that may be absent (null). */
    static Goals of(Double cpu, Double p99, Double kib) {
      return new Goals(orNaN(cpu), orNaN(p99), orNaN(kib));
    }

    private static double orNaN(Double value) {
      return value == null ? Double.NaN : value;
    }

    /** The goals given, in the order they are printed. */
    List<Goal> given() {
      return Stream.of(
              new Goal("cpu", "CPU <= %sx", cpu, Turn::cpuRatio),
              new Goal("p99", "p99 <= %sx", p99, Turn::p99Ratio),
              new Goal("KiB", "<= %s KiB/call", kib, Turn::subjectKiBPerCall))
          .filter(goal -> !Double.isNaN(goal.limit()))
          .toList();
    }

    boolean any() {
      return !given().isEmpty();
    }
  }

  /**
   * One goal, serving the check, the turn lines' verdicts and the summary alike: its names, its
   * limit, and how to read the turn's figure it bounds.
   *
   * @param name the short name in a turn's verdict, as in {@code cpu<=1.25 met}
   * @param summaryFormat the summary's wording, {@code %s} standing for the limit
   */
  record Goal(String name, String summaryFormat, double limit, ToDoubleFunction<Turn> figure) {

    /** The figure is known and within the limit (a NaN figure, as with no reference, misses). */
    boolean metBy(Turn turn) {
      return figure.applyAsDouble(turn) <= limit;
    }

    String verdict(boolean met) {
      return name + "<=" + number(limit) + (met ? " met" : " missed");
    }

    String summary() {
      return String.format(Locale.ROOT, summaryFormat, number(limit));
    }
  }

  /**
   * One turn's figures of the pair.
   *
   * @param referenceCpu the reference's CPU µs per AGI command without JIT threads
   * @param subjectCpu the same of the subject
   * @param referenceCpuNoGc the reference's without JIT and collector threads
   * @param subjectCpuNoGc the same of the subject
   * @param collectorCounted whether either target's collector threads were counted (a JVM's are;
   *     the C floor has none), so the figure without them says something
   * @param p99Ratio the subject's p99 turnaround after the ramp-up over the reference's
   * @param subjectKiBPerCall the subject's KiB per call in progress, RSS over the fresh target
   */
  record Turn(
      double referenceCpu,
      double subjectCpu,
      double referenceCpuNoGc,
      double subjectCpuNoGc,
      boolean collectorCounted,
      double p99Ratio,
      double subjectKiBPerCall,
      long referenceFailed,
      long subjectFailed) {

    static Turn of(TargetReport reference, TargetReport subject) {
      TargetComparison comparison = new TargetComparison(reference, subject);
      return new Turn(
          reference.cpuMicrosPerCommandWithoutJit(),
          subject.cpuMicrosPerCommandWithoutJit(),
          reference.cpuMicrosPerCommandWithoutJitAndGc(),
          subject.cpuMicrosPerCommandWithoutJitAndGc(),
          reference.cpu().targetGcCpuMillis() > 0 || subject.cpu().targetGcCpuMillis() > 0,
          comparison.p99Ratio(),
          subject.rssKiBPerCallOverFresh(),
          reference.load().failedCount(),
          subject.load().failedCount());
    }

    double cpuRatio() {
      return new TargetComparison.Row("", referenceCpu, subjectCpu).ratio();
    }

    double cpuRatioWithoutGc() {
      return new TargetComparison.Row("", referenceCpuNoGc, subjectCpuNoGc).ratio();
    }

    boolean failed() {
      return referenceFailed > 0 || subjectFailed > 0;
    }

    /** Every given goal met and no failed call: a failed call fails the turn, goals or not. */
    boolean meetsAll(Goals goals) {
      return !failed() && goals.given().stream().allMatch(goal -> goal.metBy(this));
    }
  }

  /**
   * The order targets are measured in on turn {@code turn} (1-based): as given on odd turns,
   * reversed on even ones, so with two targets the reference and the subject swap ends and a drift
   * linear in time costs both the same over each pair of turns.
   */
  static <T> List<T> order(List<T> targets, int turn) {
    if (turn < 1) {
      throw new IllegalArgumentException("Turns count from 1, not " + turn + ".");
    }
    return turn % 2 == 1 ? List.copyOf(targets) : List.copyOf(targets).reversed();
  }

  /**
   * The subject's µs per command summed over all turns over the reference's: each turn weighs by
   * its cost, so one turn's outlier ratio moves it less than it moves a mean of ratios.
   */
  double pooledCpuRatio() {
    return pooled(
        turns.stream().mapToDouble(Turn::referenceCpu).sum(),
        turns.stream().mapToDouble(Turn::subjectCpu).sum());
  }

  /** As {@link #pooledCpuRatio()} without the collector's threads. */
  double pooledCpuRatioWithoutGc() {
    return pooled(
        turns.stream().mapToDouble(Turn::referenceCpuNoGc).sum(),
        turns.stream().mapToDouble(Turn::subjectCpuNoGc).sum());
  }

  private static double pooled(double reference, double subject) {
    return new TargetComparison.Row("", reference, subject).ratio();
  }

  /** The median of the turns' CPU ratios. */
  double medianCpuRatio() {
    return median(turns.stream().mapToDouble(Turn::cpuRatio).toArray());
  }

  /** The median of the turns' p99 ratios. */
  double medianP99Ratio() {
    return median(turns.stream().mapToDouble(Turn::p99Ratio).toArray());
  }

  /**
   * The middle value, or the mean of the two middle ones; NaN when there are none or any is NaN.
   */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    for (double value : values) {
      if (Double.isNaN(value)) {
        return Double.NaN;
      }
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The most turns in a row that met every given goal with no failed call. */
  int longestRunMeetingGoals() {
    int longest = 0;
    int current = 0;
    for (Turn turn : turns) {
      current = turn.meetsAll(goals) ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    return longest;
  }

  /** Whether every turn met every given goal: the "met in N consecutive runs". */
  boolean goalsHeldInEveryTurn() {
    return !turns.isEmpty() && longestRunMeetingGoals() == turns.size();
  }

  /** One line per turn, then the pooled and median ratios and, with goals, the verdict. */
  String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "== %s over %s, %d turns (CPU: per AGI command without JIT threads) ==%n",
            subject,
            reference,
            turns.size()));
    for (int i = 0; i < turns.size(); i++) {
      out.append(line(i + 1, turns.get(i))).append(System.lineSeparator());
    }
    out.append(
        String.format(
            Locale.ROOT,
            "pooled CPU %s/%s (sum of us per command over all turns) = %.2fx%s%n",
            subject,
            reference,
            pooledCpuRatio(),
            turns.stream().anyMatch(Turn::collectorCounted)
                ? String.format(Locale.ROOT, " (%.2fx without GC)", pooledCpuRatioWithoutGc())
                : ""));
    out.append(
        String.format(
            Locale.ROOT,
            "median of the turns: CPU %.2fx, p99 %.2fx%n",
            medianCpuRatio(),
            medianP99Ratio()));
    if (goals.any()) {
      out.append(
          String.format(
              Locale.ROOT,
              "goals (%s): %s in %d consecutive turns; longest run meeting them: %d of %d%n",
              goalNames(),
              goalsHeldInEveryTurn() ? "HELD" : "NOT held",
              turns.size(),
              longestRunMeetingGoals(),
              turns.size()));
    }
    return out.toString();
  }

  String line(int number, Turn turn) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "turn %d: CPU %.2fx (%.1f over %.1f us)%s p99 %.2fx %s %.1f KiB/call failed %d/%d",
                number,
                turn.cpuRatio(),
                turn.subjectCpu(),
                turn.referenceCpu(),
                turn.collectorCounted()
                    ? String.format(Locale.ROOT, " (%.2fx without GC)", turn.cpuRatioWithoutGc())
                    : "",
                turn.p99Ratio(),
                subject,
                turn.subjectKiBPerCall(),
                turn.referenceFailed(),
                turn.subjectFailed()));
    if (goals.any()) {
      List<String> verdicts = new ArrayList<>();
      for (Goal goal : goals.given()) {
        verdicts.add(goal.verdict(!turn.failed() && goal.metBy(turn)));
      }
      if (turn.failed()) {
        verdicts.add("failed calls fail the turn");
      }
      line.append(" | ").append(String.join(", ", verdicts));
    }
    return line.toString();
  }

  private String goalNames() {
    List<String> names = new ArrayList<>();
    for (Goal goal : goals.given()) {
      names.add(goal.summary());
    }
    names.add("no failed call");
    return String.join(", ", names);
  }

  /** 1.25 as "1.25", 2.0 as "2". */
  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

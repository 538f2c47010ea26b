package io.tabula.load.agi;

import io.tabula.load.baseline.BaselineTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load harness: starts each target (the Tabula engine, Asterisk-Java's DefaultAgiServer as the
 * baseline) in its own JVM, drives it with the same virtual-PBX calls, and prints calls/s, command
 * turnaround percentiles and memory per concurrent call side by side.
 *
 * <p>Run (after {@code ./mvnw -pl load-tests -am package -DskipTests}):
 *
 * <pre>
 * java -cp load-tests/target/benchmarks.jar io.tabula.load.agi.LoadRun --calls 200 --prompt-ms 0
 * java -cp load-tests/target/benchmarks.jar io.tabula.load.agi.LoadRun --calls 10000 \
 *     --prompt-ms 1000 --duration 60 --ramp 20 --targets engine
 * </pre>
 *
 * <p>Targets started elsewhere (the C floor, an engine pinned with {@code taskset}) are measured
 * with {@code --target name=host:port --target-pid PID}, in turn, and every target's figures are
 * printed over the {@code floor}'s ({@code --ratios-over}); {@code bin/perf-floor} starts both
 * pinned and runs this. With {@code --turns N} every target is measured N times, in reversed order
 * on even turns, and {@link TurnSummary} sums the turns up against the optional goals.
 */
@Command(
    name = "load-run",
    mixinStandardHelpOptions = true,
    description = "Drive FastAGI targets in other JVMs with N concurrent virtual-PBX calls.")
public final class LoadRun implements Callable<Integer> {

  /** The engine target's main class (see EngineTarget). */
  static final String ENGINE_TARGET = "io.tabula.load.agi.EngineTarget";

  @Option(names = "--calls", description = "Concurrent calls (default ${DEFAULT-VALUE}).")
  int calls = 200;

  @Option(names = "--prompt-ms", description = "Prompt length in ms (default ${DEFAULT-VALUE}).")
  long promptMs = 0;

  @Option(
      names = "--prompt-jitter-ms",
      description =
          "Each prompt lasts --prompt-ms plus or minus up to this many ms, drawn uniformly (default"
              + " ${DEFAULT-VALUE}: every prompt exactly as long).")
  long promptJitterMs = 0;

  @Option(
      names = "--duration",
      description = "Seconds of starting calls (default ${DEFAULT-VALUE}).")
  long durationSeconds = 20;

  @Option(
      names = "--rounds",
      description =
          "Prompt, collect and read-back rounds per call before the hangup (default"
              + " ${DEFAULT-VALUE}: 4 commands per call; more rounds keep a connection longer, as a"
              + " real self-service call does).")
  int rounds = 1;

  @Option(
      names = "--engine-handler",
      description =
          "What runs the load call on the engine this harness starts: flow (a YAML flow through"
              + " the flow interpreter, as the shipped flows run) or java (the hand-written"
              + " LoadCallFlow, for comparison) (default ${DEFAULT-VALUE}). bin/perf-floor reads"
              + " it for the engine it starts.")
  String engineHandler = "flow";

  @Option(names = "--ramp", description = "Ramp-up seconds (default ${DEFAULT-VALUE}).")
  long rampSeconds = 2;

  @Option(
      names = "--target-jvm-arg",
      description =
          "Extra JVM option for the target JVMs, repeatable (for example"
              + " -XX:StartFlightRecording=filename=engine.jfr).")
  List<String> targetJvmArgs = new ArrayList<>();

  @Option(
      names = "--warmup",
      description =
          "Seconds of unmeasured calls before the measured run, so JIT compilation is not"
              + " counted; on 2 shared cores C2 was still compiling the engine after 10 s"
              + " (default ${DEFAULT-VALUE}).")
  long warmupSeconds = 20;

  @Option(
      names = "--max-calls",
      description = "Stop after this many calls, 0 = none (default ${DEFAULT-VALUE}).")
  long maxCalls = 0;

  @Option(
      names = "--targets",
      split = ",",
      description =
          "Targets this harness starts in JVMs of its own: engine and/or baseline (default: both,"
              + " or none when --target is given).")
  List<String> targets;

  @Option(
      names = "--target",
      description =
          "A target started elsewhere, [name=]host:port (for example floor=127.0.0.1:4690 or"
              + " engine=127.0.0.1:4691), repeatable; each needs a --target-pid, in the same order."
              + " Measured in turn, after any --targets.")
  List<String> externalTargets = new ArrayList<>();

  @Option(
      names = "--target-pid",
      description =
          "The process id of the --target at the same position, whose CPU and memory are read"
              + " from /proc (for example $! after starting it).")
  List<Long> externalPids = new ArrayList<>();

  @Option(
      names = "--target-cpus",
      description =
          "Pin the targets this harness starts with taskset -c CPUS (for example 1); default: not"
              + " pinned.")
  String targetCpus = "";

  @Option(
      names = "--ratios-over",
      description =
          "Print every other target's figures over this one's: CPU per command, p99 turnaround,"
              + " memory per call (default ${DEFAULT-VALUE}).")
  String ratiosOver = "floor";

  @Option(
      names = "--target-heap",
      description = "-Xmx of each target JVM (default ${DEFAULT-VALUE}).")
  String targetHeap = "1g";

  @Option(
      names = "--generator-threads",
      description = "Event-loop threads of the generator (default ${DEFAULT-VALUE}).")
  int generatorThreads = 1;

  @Option(
      names = "--turns",
      description =
          "Measure every target this many times in one run, the targets staying up between turns;"
              + " the order alternates per turn (as given, then reversed) so a drift of the machine"
              + " lands on all targets alike, and a summary over the --ratios-over target follows"
              + " (default ${DEFAULT-VALUE}).")
  int turns = 1;

  @Option(
      names = "--cpu-goal",
      description =
          "With --turns: the most a target's CPU per AGI command without JIT threads may be over"
              + " the reference's, as a ratio (issue 23: 1.25 at 200 calls, 1.5 at 10,000).")
  Double cpuGoal;

  @Option(
      names = "--p99-goal",
      description =
          "With --turns: the most a target's p99 turnaround after the ramp-up may be over the"
              + " reference's, as a ratio (issue 23: 2).")
  Double p99Goal;

  @Option(
      names = "--kib-goal",
      description =
          "With --turns: the most KiB per call in progress (RSS over the fresh target) a target"
              + " may take (issue 23: 8 at 10,000 calls).")
  Double kibGoal;

  /** The reports of each turn, in the order measured. */
  final List<List<TargetReport>> turnReports = new ArrayList<>();

  /** Every report of the run, in the order measured, all turns: {@link #turnReports} flattened. */
  List<TargetReport> reports() {
    return turnReports.stream().flatMap(List::stream).toList();
  }

  /** Where results go; a test reads them here. */
  PrintStream out = System.out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadRun()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    warnIfGeneratorPauses();
    checkOptions();
    LoadOptions options =
        new LoadOptions(
            0,
            calls,
            Duration.ofSeconds(durationSeconds),
            Duration.ofMillis(promptMs),
            Duration.ofMillis(promptJitterMs),
            Duration.ofSeconds(rampSeconds),
            maxCalls,
            rounds);
    runTurns(options, externalTargets());
    return reports().stream().allMatch(r -> r.load().completed() > 0) ? 0 : 1;
  }

  /**
   * Every target measured {@link #turns} times, in the order of {@link TurnSummary#order}; then,
   * with turns or goals, a summary of each over the reference.
   *
   * <p>With turns or goals every target is up from the first turn to the last, so each turn is
   * measured with the same processes on the cores. A plain run of one turn starts each target of
   * its own just before measuring it and stops it right after, so it is up only while measured.
   */
  private void runTurns(LoadOptions options, List<ExternalTarget> external) throws Exception {
    boolean summed = turns > 1 || goals().any();
    List<Slot> all = new ArrayList<>();
    for (String target : spawnedTargets()) {
      all.add(new Slot(target.trim().toLowerCase(Locale.ROOT), null));
    }
    for (ExternalTarget target : external) {
      all.add(new Slot(target.name(), target));
    }
    try {
      if (summed) {
        for (Slot slot : all) {
          slot.up();
        }
        // Memory per call counts from each target as it was before its first turn, not from where
        // the previous turn's load left its heap.
        for (Slot slot : all) {
          slot.fresh();
        }
      }
      for (int turn = 1; turn <= turns; turn++) {
        List<Slot> order = TurnSummary.order(all, turn);
        String heading = "";
        if (summed) {
          heading = String.format(Locale.ROOT, "turn %d of %d", turn, turns);
          String line =
              "== "
                  + heading
                  + ": "
                  + String.join(" then ", order.stream().map(Slot::name).toList())
                  + " ==";
          System.err.println(line);
          out.println();
          out.println(line);
        }
        List<TargetReport> measured = new ArrayList<>();
        for (Slot slot : order) {
          LoadTarget target = slot.up();
          measured.add(measure(target, options, slot.fresh()));
          if (!summed) {
            slot.close();
          }
        }
        printTurn(measured, heading);
      }
    } finally {
      for (Slot slot : all) {
        slot.close();
      }
    }
    if (summed) {
      printSummaries();
    }
  }

  /**
   * A target of the run as the turns meet it: up from the first {@link #up()} until {@link
   * #close()}, its memory before any load read once, when first asked for.
   */
  private final class Slot {
    private final String name;
    private final ExternalTarget external;
    private LoadTarget target;
    private TargetStats fresh;

    /**
     * @param external the target started elsewhere, or null for one this harness starts
     */
    Slot(String name, ExternalTarget external) {
      this.name = name;
      this.external = external;
    }

    String name() {
      return name;
    }

    LoadTarget up() throws IOException {
      if (target == null) {
        if (external == null) {
          target = startTarget(name);
        } else {
          announce(external);
          target = external;
        }
      }
      return target;
    }

    TargetStats fresh() throws IOException {
      if (fresh == null) {
        fresh = up().stats();
      }
      return fresh;
    }

    /**
     * Stops a target this harness started; one started elsewhere stays up (its close is a no-op).
     */
    void close() {
      if (target != null) {
        target.close();
        target = null;
      }
    }
  }

  private TurnSummary.Goals goals() {
    return TurnSummary.Goals.of(cpuGoal, p99Goal, kibGoal);
  }

  private static void announce(ExternalTarget target) {
    System.err.printf(
        "[%s] target started elsewhere: %s, pid %d%n",
        target.name(), target.address(), target.pid());
  }

  private void printTurn(List<TargetReport> turn, String heading) {
    turnReports.add(List.copyOf(turn));
    out.println();
    out.println(heading.isEmpty() ? "== results ==" : "== results, " + heading + " ==");
    for (TargetReport r : turn) {
      out.println(r.line());
    }
    printComparison(turn);
    printRatios(turn, heading);
  }

  /** After the turns: each target over the reference, turn by turn, pooled, against the goals. */
  private void printSummaries() {
    List<String> names = turnReports.getFirst().stream().map(TargetReport::target).toList();
    if (!names.contains(ratiosOver)) {
      out.println();
      out.println(
          "No turn summary: no target is named '"
              + ratiosOver
              + "'; name the reference with --ratios-over.");
      return;
    }
    TurnSummary.Goals goals = goals();
    for (String subject : names) {
      if (subject.equals(ratiosOver)) {
        continue;
      }
      List<TurnSummary.Turn> pairs = new ArrayList<>();
      for (List<TargetReport> turn : turnReports) {
        pairs.add(TurnSummary.Turn.of(find(turn, ratiosOver), find(turn, subject)));
      }
      out.println();
      out.print(new TurnSummary(ratiosOver, subject, goals, pairs).text());
    }
  }

  private void checkOptions() {
    if (turns < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--turns " + turns + " must be 1 or more.");
    }
    for (Double goal : new Double[] {cpuGoal, p99Goal, kibGoal}) {
      if (goal != null && !(goal > 0)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "A goal (--cpu-goal, --p99-goal, --kib-goal) must be above 0, not " + goal + ".");
      }
    }
    if (engineHandler.equals("flow") && (rounds < 1 || rounds > LoadFlows.MAX_ROUNDS)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--rounds "
              + rounds
              + " is outside 1.."
              + LoadFlows.MAX_ROUNDS
              + " (the engine's load flows are published for that many); ask for fewer rounds or"
              + " use --engine-handler java.");
    }
    try {
      EngineTarget.Handler.parse(engineHandler);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--engine-handler: " + e.getMessage(), e);
    }
  }

  private List<String> spawnedTargets() {
    if (targets != null) {
      return targets;
    }
    return externalTargets.isEmpty() ? List.of("engine", "baseline") : List.of();
  }

  private List<ExternalTarget> externalTargets() {
    if (externalTargets.size() != externalPids.size()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "Give one --target-pid for each --target, in the same order ("
              + externalTargets.size()
              + " targets, "
              + externalPids.size()
              + " pids).");
    }
    List<ExternalTarget> out = new ArrayList<>();
    for (int i = 0; i < externalTargets.size(); i++) {
      try {
        out.add(ExternalTarget.parse(externalTargets.get(i), externalPids.get(i)));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The turnaround is timed in this JVM, so its own collection pauses land in the figures: with G1
   * the generator's young pauses (15-60 ms at 10,000 calls) were part of the measured tail.
   */
  private static void warnIfGeneratorPauses() {
    boolean zgc =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(collector -> collector.getName().startsWith("ZGC"));
    if (!zgc) {
      System.err.println(
          "note: the generator runs without ZGC, so its own collection pauses will count in the"
              + " turnaround; start it with java -XX:+UseZGC -cp ... to keep them out.");
    }
  }

  private TargetProcess startTarget(String target) throws IOException {
    String main =
        switch (target) {
          case "engine" -> ENGINE_TARGET;
          case "baseline" -> BaselineTarget.class.getName();
          default ->
              throw new CommandLine.ParameterException(
                  new CommandLine(this),
                  "Unknown target '" + target + "'; use engine or baseline.");
        };
    List<String> jvm =
        new ArrayList<>(
            List.of(
                "-Xmx" + targetHeap,
                "-Xss512k",
                "--enable-native-access=ALL-UNNAMED",
                // What tabula.jar's manifest opens (Add-Opens), for the class-path launch here.
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
    jvm.addAll(targetJvmArgs);
    int freePort = freePort();
    List<String> args =
        new ArrayList<>(List.of(Integer.toString(freePort), Integer.toString(calls + 16)));
    if (main.equals(ENGINE_TARGET)) {
      args.add(engineHandler);
    }
    System.err.printf("[%s] starting target JVM on port %d%n", target, freePort);
    return TargetProcess.start(target, targetCpus, main, jvm, args, Duration.ofSeconds(60));
  }

  /**
   * Warms the target up, then runs the measured load against it and reads what it cost.
   *
   * @param fresh the target's memory before any load, the zero of memory per call
   */
  private TargetReport measure(LoadTarget target, LoadOptions base, TargetStats fresh)
      throws Exception {
    String name = target.name();
    LoadOptions options =
        new LoadOptions(
            target.address().getPort(),
            base.concurrency(),
            base.duration(),
            base.promptDelay(),
            base.promptJitter(),
            base.rampUp(),
            base.maxCalls(),
            base.rounds());
    InetAddress host = target.address().getAddress();
    warmUp(name, options, host);
    TargetStats idle = target.stats();
    ProcessCpu before = ProcessCpu.of(target.pid());
    double loadBefore = loadAverage();
    long generatorBefore = ProcessCpu.of(ProcessHandle.current().pid()).totalMillis();
    TargetStats[] loaded = new TargetStats[1];
    int[] active = new int[1];
    LoadResult result =
        new LoadGenerator(options, generatorThreads, host)
            .run(
                n -> {
                  active[0] = n;
                  loaded[0] = sample(target);
                },
                new ProgressPrinter(name));
    ProcessCpu spent = before.until(ProcessCpu.of(target.pid()));
    TargetStats after = target.stats();
    TargetReport.RunCost cost =
        new TargetReport.RunCost(
            spent.totalMillis(),
            ProcessCpu.of(ProcessHandle.current().pid()).totalMillis() - generatorBefore,
            spent.jitMillis(),
            spent.contextSwitches(),
            loadBefore,
            loadAverage(),
            spent.gcMillis(),
            allocatedBetween(idle, after));
    return new TargetReport(name, result, fresh, idle, loaded[0], active[0], cost);
  }

  /** Heap bytes allocated from one reading to the next, -1 when the target does not count them. */
  static long allocatedBetween(TargetStats earlier, TargetStats later) {
    if (earlier.allocatedBytes() < 0 || later.allocatedBytes() < 0) {
      return -1;
    }
    return later.allocatedBytes() - earlier.allocatedBytes();
  }

  /** The 1-minute load average of the machine, from {@code /proc/loadavg}. */
  static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private void warmUp(String target, LoadOptions options, InetAddress host)
      throws InterruptedException {
    if (warmupSeconds <= 0) {
      return;
    }
    LoadOptions warm =
        new LoadOptions(
            options.port(),
            Math.min(options.concurrency(), 200),
            Duration.ofSeconds(warmupSeconds),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            0,
            options.rounds());
    LoadResult result =
        new LoadGenerator(warm, generatorThreads, host)
            .run(n -> {}, new ProgressPrinter(target + " warm-up"));
    System.err.printf(
        "[%s] warm-up: %d calls, not counted%s%n",
        target,
        result.completed(),
        // A failure while warming up is not in the figures, but it is a failure all the same.
        result.failedCount() == 0 ? "" : "; failed, by reason: " + result.failed());
  }

  private static TargetStats sample(LoadTarget target) {
    try {
      return target.stats();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void printComparison(List<TargetReport> turn) {
    TargetReport engine = find(turn, "engine");
    TargetReport baseline = find(turn, "baseline");
    if (engine != null && baseline != null && baseline.load().callsPerSecond() > 0) {
      out.printf(
          Locale.ROOT,
          "engine/baseline calls/s = %.2fx; calls per CPU-second = %.2fx%n",
          engine.load().callsPerSecond() / baseline.load().callsPerSecond(),
          engine.callsPerCpuSecond() / baseline.callsPerCpuSecond());
      out.printf(
          Locale.ROOT,
          "ceiling on these cores: a target costing no CPU at all could show at most %.2fx the"
              + " baseline's calls/s here (generator %.3f ms + baseline %.3f ms CPU per call);"
              + " a higher goal needs the generator on other cores%n",
          baseline.sharedCoresCeiling(),
          baseline.generatorCpuMillisPerCall(),
          baseline.cpuMillisPerCall());
    }
  }

  /** Each target over the reference ({@code --ratios-over}, the floor by default), if it ran. */
  private void printRatios(List<TargetReport> turn, String heading) {
    TargetReport reference = find(turn, ratiosOver);
    if (reference == null) {
      return;
    }
    for (TargetReport subject : turn) {
      if (subject != reference) {
        out.println();
        out.printf(
            "== %s over %s, same run%s (CPU: the target process, per AGI command) ==%n",
            subject.target(), reference.target(), heading.isEmpty() ? "" : ", " + heading);
        out.print(new TargetComparison(reference, subject).table());
      }
    }
  }

  private static TargetReport find(List<TargetReport> turn, String target) {
    return turn.stream().filter(r -> r.target().equals(target)).findFirst().orElse(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** One progress line per second on stderr. */
  private static final class ProgressPrinter implements LoadGenerator.Progress {
    private final String target;
    private final long start = System.nanoTime();
    private long last;

    ProgressPrinter(String target) {
      this.target = target;
    }

    @Override
    public void maybeReport(LoadStats stats, int active) {
      long now = System.nanoTime();
      if (now - last < 1_000_000_000L) {
        return;
      }
      last = now;
      double seconds = (now - start) / 1e9;
      Histogram lastSecond = stats.turnaroundInterval();
      System.err.printf(
          Locale.ROOT,
          "[%s] %5.1fs active=%d started=%d completed=%d failed=%d calls/s=%.0f"
              + " | last second: turnaround p99=%.2fms max=%.2fms (%d)%n",
          target,
          seconds,
          active,
          stats.startedCount(),
          stats.completedCount(),
          stats.failedCount(),
          stats.completedCount() / Math.max(seconds, 0.001),
          lastSecond.getValueAtPercentile(99) / 1e6,
          lastSecond.getMaxValue() / 1e6,
          lastSecond.getTotalCount());
    }
  }
}

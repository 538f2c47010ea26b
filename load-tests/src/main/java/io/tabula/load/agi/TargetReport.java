package io.tabula.load.agi;

import java.util.Locale;

/**
 * One target's figures in a run: the generator's measurements and the target's memory before the
 * load and at full concurrency.
 *
 * @param fresh the target just started, before the warm-up: the honest zero for memory per call,
 *     since the warm-up's call rate alone can make a collector commit more heap
 * @param idle the target after the warm-up, before the measured run
 * @param activeAtSample calls in progress when {@code loaded} was sampled
 * @param cpu CPU time, context switches and machine load over the measured run
 */
public record TargetReport(
    String target,
    LoadResult load,
    TargetStats fresh,
    TargetStats idle,
    TargetStats loaded,
    int activeAtSample,
    RunCost cpu) {

  /**
   * What the measured run cost, read from {@code /proc} around it.
   *
   * @param targetCpuMillis user + system CPU of the target JVM
   * @param generatorCpuMillis user + system CPU of this (the generator's) JVM
   * @param targetJitCpuMillis the part of {@code targetCpuMillis} spent by JIT compiler threads
   * @param targetContextSwitches context switches of the target's threads
   * @param loadBefore 1-minute load average of the machine when the run started
   * @param loadAfter the same when it ended
   * @param targetGcCpuMillis the part of {@code targetCpuMillis} spent by garbage-collector threads
   * @param targetAllocatedBytes heap bytes the target allocated during the run, -1 when it does not
   *     report them (a target started elsewhere, the C floor)
   */
  public record RunCost(
      long targetCpuMillis,
      long generatorCpuMillis,
      long targetJitCpuMillis,
      long targetContextSwitches,
      double loadBefore,
      double loadAfter,
      long targetGcCpuMillis,
      long targetAllocatedBytes) {

    /** Without a garbage-collector or allocation figure. */
    public RunCost(
        long targetCpuMillis,
        long generatorCpuMillis,
        long targetJitCpuMillis,
        long targetContextSwitches,
        double loadBefore,
        double loadAfter) {
      this(
          targetCpuMillis,
          generatorCpuMillis,
          targetJitCpuMillis,
          targetContextSwitches,
          loadBefore,
          loadAfter,
          0,
          -1);
    }
  }

  long targetCpuMillis() {
    return cpu.targetCpuMillis();
  }

  /**
   * CPU the target spent per completed call, ms: a cost figure that does not depend on how much of
   * a shared machine the run got.
   */
  public double cpuMillisPerCall() {
    return targetCpuMillis() / (double) Math.max(1, load.completed());
  }

  /** CPU the generator (this JVM) spent per completed call of this target, ms. */
  public double generatorCpuMillisPerCall() {
    return cpu.generatorCpuMillis() / (double) Math.max(1, load.completed());
  }

  /**
   * The highest calls/s any other target could show over this one in a CPU-bound run where the
   * generator shares the cores: a target that cost nothing would still pay for the generator's side
   * of each call, so the ratio cannot pass (generator + this target) / generator CPU per call.
   * Assumes the generator's work per call does not depend on the target (the same PBX script).
   */
  public double sharedCoresCeiling() {
    double generator = Math.max(0.001, generatorCpuMillisPerCall());
    return (generator + cpuMillisPerCall()) / generator;
  }

  /** Calls per second one fully available core could carry at this CPU cost. */
  public double callsPerCpuSecond() {
    return 1000.0 / Math.max(0.001, cpuMillisPerCall());
  }

  /** Share of one core the target actually got during the run. */
  public double coresUsed() {
    return targetCpuMillis() / (double) Math.max(1, load.elapsed().toMillis());
  }

  /**
   * CPU the target spent per AGI command the generator received, microseconds: the per-command
   * cost, the robust figure on a shared machine (it moves little with how much CPU the run got).
   */
  public double cpuMicrosPerCommand() {
    return targetCpuMillis() * 1000.0 / Math.max(1, load.commands());
  }

  /**
   * Like {@link #cpuMicrosPerCommand()} without the JIT compiler threads: what a command costs once
   * the code is compiled, however long the warm-up was.
   */
  public double cpuMicrosPerCommandWithoutJit() {
    return (targetCpuMillis() - cpu.targetJitCpuMillis()) * 1000.0 / Math.max(1, load.commands());
  }

  /**
   * Like {@link #cpuMicrosPerCommandWithoutJit()} without the garbage collector's threads either:
   * the code's own cost per command, apart from what its garbage costs the collector later.
   */
  public double cpuMicrosPerCommandWithoutJitAndGc() {
    return (targetCpuMillis() - cpu.targetJitCpuMillis() - cpu.targetGcCpuMillis())
        * 1000.0
        / Math.max(1, load.commands());
  }

  /** Heap bytes the target allocated per AGI command, or -1 when it does not report them. */
  public double allocatedBytesPerCommand() {
    return cpu.targetAllocatedBytes() < 0
        ? -1
        : cpu.targetAllocatedBytes() / (double) Math.max(1, load.commands());
  }

  /** Turnaround after the ramp-up (every call slot in use) at {@code percentile}, ms. */
  public double steadyTurnaroundMillis(double percentile) {
    return load.steadyTurnaround().getValueAtPercentile(percentile) / 1e6;
  }

  /** Context switches of the target's threads per completed call. */
  public double contextSwitchesPerCall() {
    return cpu.targetContextSwitches() / (double) Math.max(1, load.completed());
  }

  /** RSS growth per call in progress over the target after its warm-up, KiB. */
  public double rssKiBPerCall() {
    return (loaded.rssKiB() - idle.rssKiB()) / (double) Math.max(1, activeAtSample);
  }

  /**
   * RSS growth per call in progress over the freshly started target, KiB: what the calls cost
   * including the heap the collector committed for their garbage.
   */
  public double rssKiBPerCallOverFresh() {
    return (loaded.rssKiB() - fresh.rssKiB()) / (double) Math.max(1, activeAtSample);
  }

  /** Growth of NIO direct buffers plus Netty's own direct counter per call in progress, KiB. */
  public double directKiBPerCall() {
    long idleDirect = Math.max(0, idle.directUsed()) + Math.max(0, idle.nettyDirectUsed());
    long loadDirect = Math.max(0, loaded.directUsed()) + Math.max(0, loaded.nettyDirectUsed());
    return (loadDirect - idleDirect) / 1024.0 / Math.max(1, activeAtSample);
  }

  /** Heap growth per call in progress, KiB (garbage included: a rough figure). */
  public double heapKiBPerCall() {
    return (loaded.heapUsed() - idle.heapUsed()) / 1024.0 / Math.max(1, activeAtSample);
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-9s conc=%d prompt=%dms completed=%d failed=%d %s calls/s=%.1f cmds/s=%.0f"
            + " turnaround(ms) mean=%.3f p50=%.3f p99=%.3f p99.9=%.3f max=%.3f"
            + " after ramp-up(ms) p50=%.3f p99=%.3f p99.9=%.3f (%d)"
            + " setup(ms) p50=%.3f p99=%.3f"
            + " teardown(ms) p50=%.3f connect(ms) p50=%.3f p99=%.3f"
            + " | active@sample=%d RSS fresh=%.1fMiB idle=%.1fMiB load=%.1fMiB"
            + " perCall=%.1fKiB (over fresh %.1fKiB)"
            + " direct/call=%.2fKiB heap/call=%.1fKiB threads=%d offHeapReserved=%.1fMiB"
            + " | cpu: target=%.2f cores, %.3f ms/call (%.0f calls per CPU-second), %.1f us/command"
            + " (%.1f without JIT compiler threads, %.1f without JIT and GC threads),"
            + " %.0f bytes allocated/command, %.1f context switches/call, generator=%.2f cores"
            + " | load average %.1f -> %.1f",
        target,
        load.options().concurrency(),
        load.options().promptDelay().toMillis(),
        load.completed(),
        load.failedCount(),
        load.failed(),
        load.callsPerSecond(),
        load.commands() / (load.elapsed().toNanos() / 1e9),
        load.turnaround().getMean() / 1e6,
        load.turnaroundMillis(50),
        load.turnaroundMillis(99),
        load.turnaroundMillis(99.9),
        load.turnaround().getMaxValue() / 1e6,
        load.steadyTurnaround().getValueAtPercentile(50) / 1e6,
        load.steadyTurnaround().getValueAtPercentile(99) / 1e6,
        load.steadyTurnaround().getValueAtPercentile(99.9) / 1e6,
        load.steadyTurnaround().getTotalCount(),
        load.setupMillis(50),
        load.setupMillis(99),
        load.teardown().getValueAtPercentile(50) / 1e6,
        load.connect().getValueAtPercentile(50) / 1e6,
        load.connect().getValueAtPercentile(99) / 1e6,
        activeAtSample,
        fresh.rssKiB() / 1024.0,
        idle.rssKiB() / 1024.0,
        loaded.rssKiB() / 1024.0,
        rssKiBPerCall(),
        rssKiBPerCallOverFresh(),
        directKiBPerCall(),
        heapKiBPerCall(),
        loaded.threads(),
        loaded.offHeapReserved() / 1048576.0,
        coresUsed(),
        cpuMillisPerCall(),
        callsPerCpuSecond(),
        cpuMicrosPerCommand(),
        cpuMicrosPerCommandWithoutJit(),
        cpuMicrosPerCommandWithoutJitAndGc(),
        allocatedBytesPerCommand(),
        contextSwitchesPerCall(),
        cpu.generatorCpuMillis() / (double) Math.max(1, load.elapsed().toMillis()),
        cpu.loadBefore(),
        cpu.loadAfter());
  }
}

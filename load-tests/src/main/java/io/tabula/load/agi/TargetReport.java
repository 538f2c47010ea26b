package io.tabula.load.agi;

import java.util.Locale;

/**
 * One target's figures in a run: the generator's measurements and the target's memory before the
 * load and at full concurrency.
 *
 * @param activeAtSample calls in progress when {@code loaded} was sampled
 */
public record TargetReport(
    String target,
    LoadResult load,
    TargetStats idle,
    TargetStats loaded,
    int activeAtSample,
    long targetCpuMillis,
    long generatorCpuMillis) {

  /**
   * CPU the target spent per completed call, ms: a cost figure that does not depend on how much of
   * a shared machine the run got.
   */
  public double cpuMillisPerCall() {
    return targetCpuMillis / (double) Math.max(1, load.completed());
  }

  /** Calls per second one fully available core could carry at this CPU cost. */
  public double callsPerCpuSecond() {
    return 1000.0 / Math.max(0.001, cpuMillisPerCall());
  }

  /** Share of one core the target actually got during the run. */
  public double coresUsed() {
    return targetCpuMillis / (double) Math.max(1, load.elapsed().toMillis());
  }

  /** RSS growth per call in progress, KiB. */
  public double rssKiBPerCall() {
    return (loaded.rssKiB() - idle.rssKiB()) / (double) Math.max(1, activeAtSample);
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
        "%-9s conc=%d prompt=%dms completed=%d failed=%d calls/s=%.1f cmds/s=%.0f"
            + " turnaround(ms) mean=%.3f p50=%.3f p99=%.3f p99.9=%.3f max=%.3f setup(ms) p50=%.3f p99=%.3f"
            + " teardown(ms) p50=%.3f connect(ms) p50=%.3f p99=%.3f"
            + " | active@sample=%d RSS idle=%.1fMiB load=%.1fMiB perCall=%.1fKiB"
            + " direct/call=%.2fKiB heap/call=%.1fKiB threads=%d offHeapReserved=%.1fMiB"
            + " | cpu: target=%.2f cores, %.3f ms/call (%.0f calls per CPU-second), generator=%.2f cores",
        target,
        load.options().concurrency(),
        load.options().promptDelay().toMillis(),
        load.completed(),
        load.failedCount(),
        load.callsPerSecond(),
        load.commands() / (load.elapsed().toNanos() / 1e9),
        load.turnaround().getMean() / 1e6,
        load.turnaroundMillis(50),
        load.turnaroundMillis(99),
        load.turnaroundMillis(99.9),
        load.turnaround().getMaxValue() / 1e6,
        load.setupMillis(50),
        load.setupMillis(99),
        load.teardown().getValueAtPercentile(50) / 1e6,
        load.connect().getValueAtPercentile(50) / 1e6,
        load.connect().getValueAtPercentile(99) / 1e6,
        activeAtSample,
        idle.rssKiB() / 1024.0,
        loaded.rssKiB() / 1024.0,
        rssKiBPerCall(),
        directKiBPerCall(),
        heapKiBPerCall(),
        loaded.threads(),
        loaded.offHeapReserved() / 1048576.0,
        coresUsed(),
        cpuMillisPerCall(),
        callsPerCpuSecond(),
        generatorCpuMillis / (double) Math.max(1, load.elapsed().toMillis()));
  }
}

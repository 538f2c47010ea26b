package io.tabula.engine.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes ZGC's soft heap target from the engine's call capacity ({@code memory.slots}).
 *
 * <p>ZGC collects when the heap would otherwise fill before the next cycle ends, so left alone it
 * lets the heap grow towards {@code -Xmx} and keeps what it touched: after a burst of short calls
 * the engine held about 330 MiB more than at start, whatever the number of calls in progress (issue
 * 23, docs/engine.md "The heap target"). {@code -XX:SoftMaxHeapSize} asks ZGC to collect before the
 * heap passes a target, and still lets it grow up to {@code -Xmx} rather than fail when the target
 * is too small. The engine knows how many calls it can hold, so it sets that target to a start-up
 * allowance plus an allowance per slot, no more than {@code -Xmx}.
 *
 * <p>An operator's own {@code -XX:SoftMaxHeapSize} wins, and nothing is set under any other
 * collector (the flag is ZGC's and Shenandoah's; the engine ships with ZGC).
 */
final class HeapTarget {

  /** The engine's own heap after start-up (about 40-50 MiB), with room for a burst of garbage. */
  static final long BASE_BYTES = 128L << 20;

  /**
   * Per call slot: a parked call's objects (its session, the flow's state, Netty's and the JDK's
   * objects per socket: 5-6 KiB measured) and a share of the collector's headroom.
   */
  static final long PER_SLOT_BYTES = 8L << 10;

  private static final Logger LOG = LoggerFactory.getLogger(HeapTarget.class);

  private HeapTarget() {}

  /** The target for {@code slots} calls, capped at {@code maxHeapBytes}. */
  static long bytesFor(int slots, long maxHeapBytes) {
    return Math.min(maxHeapBytes, BASE_BYTES + PER_SLOT_BYTES * Math.max(0, slots));
  }

  /**
   * Sets {@code SoftMaxHeapSize} for {@code slots} calls when this JVM runs ZGC and the operator
   * did not set it.
   *
   * @return the target set, in bytes; empty when left alone (another collector, the operator's own
   *     value, or a runtime without {@code jdk.management})
   */
  static Optional<Long> apply(int slots) {
    HotSpotDiagnosticMXBean vm;
    try {
      vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    } catch (LinkageError | IllegalArgumentException e) {
      LOG.info("Heap target not set: this Java runtime has no jdk.management module");
      return Optional.empty();
    }
    if (vm == null || !"true".equals(vm.getVMOption("UseZGC").getValue())) {
      return Optional.empty();
    }
    VMOption soft = vm.getVMOption("SoftMaxHeapSize");
    // Unset, the flag reads as -Xmx, by default or set so by ZGC's ergonomics at start.
    if (soft.getOrigin() != VMOption.Origin.DEFAULT
        && soft.getOrigin() != VMOption.Origin.ERGONOMIC) {
      LOG.info(
          "Heap target: -XX:SoftMaxHeapSize={} MiB as given ({} call slots)",
          Long.parseLong(soft.getValue()) >> 20,
          slots);
      return Optional.empty();
    }
    long max = Long.parseLong(vm.getVMOption("MaxHeapSize").getValue());
    long target = bytesFor(slots, max);
    vm.setVMOption("SoftMaxHeapSize", Long.toString(target));
    LOG.info(
        "Heap target: ZGC collects to stay under {} MiB ({} MiB + {} KiB for each of {} call"
            + " slots; -Xmx {} MiB); set -XX:SoftMaxHeapSize to choose another",
        target >> 20,
        BASE_BYTES >> 20,
        PER_SLOT_BYTES >> 10,
        slots,
        max >> 20);
    return Optional.of(target);
  }
}

package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soft heap target is a flag of the running JVM, so each case starts a JVM of its own with the
 * collector and flags under test, lets {@link HeapTarget} run in it ({@link Probe}), and reads the
 * flag it ends with.
 */
class HeapTargetTest {

  private static final long MIB = 1L << 20;

  @Test
  void zgcGetsTheAllowanceForItsSlots() throws Exception {
    long expected = HeapTarget.BASE_BYTES + 10_000 * HeapTarget.PER_SLOT_BYTES;

    assertThat(softMaxAfterStart(10_000, "-XX:+UseZGC", "-Xmx1g"))
        .isEqualTo("MANAGEMENT " + expected);
  }

  @Test
  void theTargetNeverPassesTheMaximumHeap() throws Exception {
    assertThat(softMaxAfterStart(1_000_000, "-XX:+UseZGC", "-Xmx256m", "-Xms64m"))
        .isEqualTo("MANAGEMENT " + 256 * MIB);
  }

  @Test
  void anOperatorsOwnTargetWins() throws Exception {
    assertThat(softMaxAfterStart(10_000, "-XX:+UseZGC", "-Xmx1g", "-XX:SoftMaxHeapSize=300m"))
        .isEqualTo("VM_CREATION " + 300 * MIB);
  }

  @Test
  void otherCollectorsAreLeftAlone() throws Exception {
    assertThat(softMaxAfterStart(10_000, "-XX:+UseSerialGC", "-Xmx512m"))
        .isEqualTo("ERGONOMIC " + 512 * MIB);
  }

  @Test
  void theAllowanceGrowsWithTheSlotsUpToTheCap() {
    assertThat(HeapTarget.bytesFor(0, Long.MAX_VALUE)).isEqualTo(HeapTarget.BASE_BYTES);
    assertThat(HeapTarget.bytesFor(200, Long.MAX_VALUE))
        .isEqualTo(HeapTarget.BASE_BYTES + 200 * HeapTarget.PER_SLOT_BYTES);
    assertThat(HeapTarget.bytesFor(200, 64 * MIB)).isEqualTo(64 * MIB);
  }

  @Test
  void theShippedOptionsRunZgcAndGiveFreedNativeMemoryBack() throws Exception {
    // The file ./tabula, the Docker image and bin/perf-floor start the engine with: a flag this JVM
    // does not know would stop the engine from starting at all.
    assertThat(flagsAfterStart(0, List.of("@jvm.options"), "UseZGC", "TrimNativeHeapInterval"))
        .containsExactly("VM_CREATION true", "VM_CREATION 5000");
  }

  /** SoftMaxHeapSize's origin and value, as the probe JVM ends: "MANAGEMENT 216137728". */
  private static String softMaxAfterStart(int slots, String... jvmOptions)
      throws IOException, InterruptedException {
    return flagsAfterStart(slots, List.of(jvmOptions), "SoftMaxHeapSize").getFirst();
  }

  /** Each flag's origin and value, as a JVM started with {@code jvmOptions} ends. */
  private static List<String> flagsAfterStart(int slots, List<String> jvmOptions, String... flags)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(Integer.toString(slots));
    args.addAll(List.of(flags));
    List<String> lines = ProbeJvm.run(jvmOptions, Probe.class, args);
    return lines.subList(Math.max(0, lines.size() - flags.length), lines.size());
  }

  /**
   * Runs {@link HeapTarget#apply} in its own JVM, then prints each flag named after the slots,
   * last: its origin and value.
   */
  static final class Probe {
    public static void main(String[] args) {
      HeapTarget.apply(Integer.parseInt(args[0]));
      HotSpotDiagnosticMXBean flags =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      for (String name : List.of(args).subList(1, args.length)) {
        VMOption flag = flags.getVMOption(name);
        System.out.println(flag.getOrigin() + " " + flag.getValue());
      }
    }
  }
}

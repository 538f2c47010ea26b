package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /** The flag's origin and value, as the probe JVM ends: "MANAGEMENT 216137728". */
  private static String softMaxAfterStart(int slots, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Probe.class.getName(),
            Integer.toString(slots)));
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(1, TimeUnit.MINUTES)).as("the probe JVM ends").isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    String last = output.strip().lines().reduce((first, second) -> second).orElse("");
    return last;
  }

  /** Runs {@link HeapTarget#apply} in its own JVM and prints the flag it leaves, last. */
  static final class Probe {
    public static void main(String[] args) {
      HeapTarget.apply(Integer.parseInt(args[0]));
      VMOption soft =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("SoftMaxHeapSize");
      System.out.println(soft.getOrigin() + " " + soft.getValue());
    }
  }
}

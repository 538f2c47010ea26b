package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetReportTest {

  private static final TargetStats NOTHING = new TargetStats(0, 0, 0, 0, 0, 0);

  @Test
  void theCeilingIsTheBaselineCostOverTheGeneratorCost() {
    // 4,000 calls; the generator spent 1,000 ms of CPU on them, the target 1,500 ms.
    TargetReport baseline = report(4_000, 1_500, 1_000);

    assertThat(baseline.generatorCpuMillisPerCall()).isCloseTo(0.25, within(1e-9));
    assertThat(baseline.cpuMillisPerCall()).isCloseTo(0.375, within(1e-9));
    assertThat(baseline.sharedCoresCeiling()).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void aCheapGeneratorLeavesRoomForALargeRatio() {
    assertThat(report(1_000, 2_000, 100).sharedCoresCeiling()).isCloseTo(21.0, within(1e-9));
  }

  private static TargetReport report(long calls, long targetCpuMillis, long generatorCpuMillis) {
    LoadOptions options =
        new LoadOptions(
            0,
            200,
            Duration.ofSeconds(10),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofSeconds(1),
            0,
            1);
    LoadResult load =
        new LoadResult(
            options,
            calls,
            calls * 4,
            Map.of(),
            Duration.ofSeconds(10),
            new Histogram(3),
            new Histogram(3),
            new Histogram(3),
            new Histogram(3),
            new Histogram(3));
    return new TargetReport(
        "baseline",
        load,
        NOTHING,
        NOTHING,
        NOTHING,
        200,
        new TargetReport.RunCost(targetCpuMillis, generatorCpuMillis, 0, 0, 0, 0));
  }
}

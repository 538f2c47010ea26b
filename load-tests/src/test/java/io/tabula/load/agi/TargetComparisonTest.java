package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetComparisonTest {

  @Test
  void cpuPerCommandLeavesOutTheJitThreadsAndOptionallyTheCollectorsThreads() {
    // 10,000 commands; the engine spent 600 ms, of which 200 ms compiling and 100 ms collecting.
    TargetReport engine = report("engine", 10_000, 600, 200, 100, 1.0, 2_048, 12_288);

    assertThat(engine.cpuMicrosPerCommand()).isCloseTo(60.0, within(1e-9));
    assertThat(engine.cpuMicrosPerCommandWithoutJit()).isCloseTo(40.0, within(1e-9));
    assertThat(engine.cpuMicrosPerCommandWithoutJitAndGc()).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void ratiosAreTheSubjectsFiguresOverTheReferences() {
    // The floor: 10,000 commands in 160 ms, p99 2 ms, 1,024 -> 5,120 KiB RSS for 1,000 calls.
    TargetReport floor = report("floor", 10_000, 160, 0, 0, 2.0, 1_024, 5_120);
    TargetReport engine = report("engine", 10_000, 600, 200, 100, 5.0, 20_480, 32_768);

    TargetComparison comparison = new TargetComparison(floor, engine);

    assertThat(comparison.cpuRatio()).isCloseTo(40.0 / 16.0, within(1e-9));
    assertThat(comparison.p99Ratio()).isCloseTo(2.5, within(0.01));
    // 4 KiB per call against 12 KiB per call.
    assertThat(floor.rssKiBPerCallOverFresh()).isCloseTo(4.096, within(1e-9));
    assertThat(comparison.memoryRatio()).isCloseTo(3.0, within(1e-9));
    assertThat(comparison.table())
        .contains("engine/floor")
        .contains("2.50x")
        .contains("3.00x")
        .contains("calls failed");
  }

  @Test
  void anUnknownOrZeroReferenceHasNoRatio() {
    assertThat(new TargetComparison.Row("x", 0, 5).ratio()).isNaN();
    assertThat(new TargetComparison.Row("x", 5, -1).ratio()).isNaN();
  }

  @Test
  void allocationPerCommandIsUnknownForATargetThatDoesNotCountIt() {
    TargetReport floor = report("floor", 10_000, 160, 0, 0, 2.0, 1_024, 5_120);

    assertThat(floor.allocatedBytesPerCommand()).isEqualTo(-1);
    assertThat(
            LoadRun.allocatedBetween(
                new TargetStats(0, 0, 0, 0, 0, 0, 1_000), new TargetStats(0, 0, 0, 0, 0, 0, 5_000)))
        .isEqualTo(4_000);
    assertThat(
            LoadRun.allocatedBetween(
                new TargetStats(0, 0, 0, 0, 0, 0), new TargetStats(0, 0, 0, 0, 0, 0, 5_000)))
        .isEqualTo(-1);
  }

  /** 1,000 calls in progress at the sample; every steady turnaround is {@code p99Millis} long. */
  private static TargetReport report(
      String name,
      long commands,
      long cpuMillis,
      long jitMillis,
      long gcMillis,
      double p99Millis,
      long freshRssKiB,
      long loadedRssKiB) {
    LoadOptions options =
        new LoadOptions(
            0, 1_000, Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 1);
    Histogram steady = new Histogram(3);
    steady.recordValueWithCount((long) (p99Millis * 1e6), 100);
    LoadResult load =
        new LoadResult(
            options,
            commands / 4,
            commands,
            Map.of(),
            Duration.ofSeconds(10),
            steady,
            steady,
            new Histogram(3),
            new Histogram(3),
            new Histogram(3));
    TargetStats fresh = new TargetStats(freshRssKiB, -1, -1, -1, 0, 1);
    TargetStats loaded = new TargetStats(loadedRssKiB, -1, -1, -1, 0, 1);
    return new TargetReport(
        name,
        load,
        fresh,
        fresh,
        loaded,
        1_000,
        new TargetReport.RunCost(cpuMillis, 0, jitMillis, 0, 1.0, 1.5, gcMillis, -1));
  }
}

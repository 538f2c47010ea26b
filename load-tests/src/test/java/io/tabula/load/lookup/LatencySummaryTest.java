package io.tabula.load.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesUseNearestRank() {
    long[] nanos = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();

    LatencySummary summary = LatencySummary.of(nanos, 1_000_000_000L);

    assertThat(summary.p50()).isEqualTo(500);
    assertThat(summary.p99()).isEqualTo(990);
    assertThat(summary.p999()).isEqualTo(999);
    assertThat(summary.max()).isEqualTo(1000);
    assertThat(summary.perSecond()).isEqualTo(1000.0);
  }
}

package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadStatsTest {

  @Test
  void turnaroundsDuringTheRampUpCountInTheWholeRunOnly() {
    LoadStats stats = new LoadStats();
    stats.steadyFrom(1_000);

    stats.turnaround(50_000_000, 999);
    stats.turnaround(2_000_000, 1_000);
    stats.turnaround(3_000_000, 5_000);

    assertThat(stats.turnaroundHistogram().getTotalCount()).isEqualTo(3);
    assertThat(stats.steadyTurnaroundHistogram().getTotalCount()).isEqualTo(2);
    assertThat(stats.steadyTurnaroundHistogram().getMaxValue()).isLessThan(4_000_000);
  }

  @Test
  void eachSecondsIntervalHoldsOnlyItsOwnTurnaroundsAndTheRunKeepsThemAll() {
    LoadStats stats = new LoadStats();
    stats.turnaround(40_000_000, 1);

    assertThat(stats.turnaroundInterval().getMaxValue()).isGreaterThan(39_000_000);

    stats.turnaround(1_000_000, 2);
    stats.turnaround(2_000_000, 3);
    var second = stats.turnaroundInterval();

    assertThat(second.getTotalCount()).isEqualTo(2);
    assertThat(second.getMaxValue()).isLessThan(3_000_000);
    assertThat(stats.turnaroundInterval().getTotalCount()).isZero();
    assertThat(stats.turnaroundHistogram().getTotalCount()).isEqualTo(3);
    assertThat(stats.turnaroundHistogram().getMaxValue()).isGreaterThan(39_000_000);
  }
}

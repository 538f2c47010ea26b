package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadGeneratorRampTest {

  private static final long RAMP = 20_000_000_000L;

  @Test
  void callsInProgressGrowLinearlyOverTheRamp() {
    assertThat(LoadGenerator.allowedConcurrency(10_000, 0, RAMP)).isEqualTo(1);
    assertThat(LoadGenerator.allowedConcurrency(10_000, RAMP / 4, RAMP)).isEqualTo(2_500);
    assertThat(LoadGenerator.allowedConcurrency(10_000, RAMP / 2, RAMP)).isEqualTo(5_000);
    assertThat(LoadGenerator.allowedConcurrency(10_000, RAMP - 2_000_000, RAMP)).isEqualTo(9_999);
  }

  @Test
  void afterTheRampOrWithoutOneEverySlotMayBeUsed() {
    assertThat(LoadGenerator.allowedConcurrency(10_000, RAMP, RAMP)).isEqualTo(10_000);
    assertThat(LoadGenerator.allowedConcurrency(200, 5, 0)).isEqualTo(200);
  }
}

package io.tabula.flowstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pool's wait for a connection follows the engine's check interval, within HikariCP's bounds.
 */
class StorePoolTest {

  @Test
  void theWaitIsHalfTheCheckIntervalBetweenAQuarterSecondAndTwoSeconds() {
    assertThat(StorePool.within(Duration.ofSeconds(2)).connectionTimeout())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(StorePool.within(Duration.ofSeconds(5)).connectionTimeout())
        .as("flows.pollInterval's default")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(StorePool.within(Duration.ofMinutes(10)).connectionTimeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(StorePool.within(Duration.ofMillis(200)).connectionTimeout())
        .as("HikariCP's floor")
        .isEqualTo(Duration.ofMillis(250));
    assertThat(StorePool.within(Duration.ofSeconds(5)).size()).isEqualTo(3);
  }

  @Test
  void aWaitUnderHikarisFloorOrAnUnusableSizeIsRefusedSayingWhatToGive() {
    // HikariCP would quietly turn 100 ms into 250 ms, and 0 into "wait for ever".
    assertThatThrownBy(() -> new StorePool(3, Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least PT0.25S");
    assertThatThrownBy(() -> new StorePool(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StorePool(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give 1 to 16");
  }
}

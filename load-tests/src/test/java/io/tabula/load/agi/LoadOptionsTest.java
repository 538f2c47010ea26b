package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void withoutJitterEveryPromptIsExactlyAsLong() {
    LoadOptions options = options(Duration.ofMillis(1000), Duration.ZERO);

    assertThat(LongStream.range(0, 100).map(i -> options.promptNanos()).distinct())
        .containsExactly(1_000_000_000L);
  }

  @Test
  void jitterSpreadsPromptsOverTheWholeBandAroundTheDelay() {
    LoadOptions options = options(Duration.ofMillis(1000), Duration.ofMillis(100));

    LongSummaryStatistics prompts =
        LongStream.range(0, 20_000).map(i -> options.promptNanos()).summaryStatistics();

    assertThat(prompts.getMin()).isBetween(900_000_000L, 910_000_000L);
    assertThat(prompts.getMax()).isBetween(1_090_000_000L, 1_100_000_000L);
    assertThat(prompts.getAverage()).isBetween(995e6, 1005e6);
  }

  @Test
  void jitterLongerThanThePromptIsRefused() {
    assertThatThrownBy(() -> options(Duration.ofMillis(100), Duration.ofMillis(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prompt-jitter-ms");
  }

  private static LoadOptions options(Duration prompt, Duration jitter) {
    return new LoadOptions(4573, 10, Duration.ofSeconds(1), prompt, jitter, Duration.ZERO, 0, 1);
  }
}

package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.Fixtures;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decoder's header deadline as an entry of the loop's {@link LoopTimeouts}: it fails the
 * connection with {@code HEADER_TIMEOUT} at most one check period after {@code agi.headerTimeout},
 * and a header that arrives in time leaves no entry behind (the decoder is not kept for it).
 */
class HeaderDeadlineTest {

  private static final byte[] HEADER =
      Arrays.copyOf(
          Fixtures.fromAsterisk("card-entry"),
          Fixtures.headerEnd(Fixtures.fromAsterisk("card-entry")));

  private final DecoderHarness harness = new DecoderHarness();

  @AfterEach
  void tearDown() {
    harness.finish();
  }

  @Test
  void aSlowHeaderFailsWithinOnePeriodOfItsDeadline() {
    long timeout = AgiLimits.defaults().headerTimeout().toMillis();
    harness.feed(HEADER, 0, 100);

    advanceMillis(timeout - 1);
    assertThat(harness.errors).isEmpty();

    advanceMillis(LoopTimeouts.PERIOD.toMillis() + 1);
    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.HEADER_TIMEOUT);
  }

  @Test
  void aHeaderInTimeLeavesNoTimeoutOnTheLoop() {
    LoopTimeouts timeouts = LoopTimeouts.of(harness.channel.eventLoop());
    assertThat(timeouts.held()).isEqualTo(1);

    harness.feed(HEADER);

    assertThat(timeouts.held()).isZero();
    advanceMillis(AgiLimits.defaults().headerTimeout().toMillis() * 2);
    assertThat(harness.errors).isEmpty();
    assertThat(harness.channel.runScheduledPendingTasks()).isEqualTo(-1);
  }

  private void advanceMillis(long millis) {
    harness.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    harness.channel.runScheduledPendingTasks();
  }
}

package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's per-connection timeouts on virtual time: when they fire (their deadline, at most one
 * {@link LoopTimeouts#PERIOD} late), that a cancelled one neither fires nor is kept, and that one
 * periodic check serves them all and stops when none is pending.
 */
class LoopTimeoutsTest {

  private EmbeddedChannel channel;
  private LoopTimeouts timeouts;
  private final List<Integer> fired = new ArrayList<>();

  @BeforeEach
  void setUp() {
    channel = new EmbeddedChannel();
    channel.freezeTime();
    timeouts = LoopTimeouts.of(channel.eventLoop());
  }

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  @Test
  void aTimeoutFiresAtItsDeadlineAtMostOnePeriodLate() {
    timeouts.add(() -> fired.add(1), Duration.ofSeconds(2));

    advance(Duration.ofMillis(1_999));
    assertThat(fired).isEmpty();

    advance(LoopTimeouts.PERIOD.plusMillis(1));
    assertThat(fired).containsExactly(1);

    advance(Duration.ofSeconds(10));
    assertThat(fired).containsExactly(1);
  }

  @Test
  void aCancelledTimeoutNeverFiresAndIsNotKept() {
    long first = timeouts.add(() -> fired.add(1), Duration.ofSeconds(2));
    timeouts.add(() -> fired.add(2), Duration.ofSeconds(2));

    timeouts.cancel(first);
    assertThat(timeouts.held()).isEqualTo(1);
    advance(Duration.ofSeconds(3));

    assertThat(fired).containsExactly(2);
    assertThat(timeouts.held()).isZero();
  }

  @Test
  void theCheckStopsWhenNothingIsPendingAndStartsAgainOnTheNextTimeout() {
    timeouts.add(() -> fired.add(1), Duration.ofMillis(500));
    advance(Duration.ofSeconds(1));
    assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1); // no task left on the loop

    timeouts.add(() -> fired.add(2), Duration.ofMillis(500));
    advance(Duration.ofSeconds(1));

    assertThat(fired).containsExactly(1, 2);
  }

  @Test
  void thousandsOfTimeoutsFireInOrderThroughGrowthAndCancellations() {
    List<Long> tickets = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      int id = i;
      tickets.add(timeouts.add(() -> fired.add(id), Duration.ofSeconds(5)));
      if (i % 3 == 0) {
        timeouts.cancel(tickets.get(i));
      }
      advance(Duration.ofMillis(1));
    }
    advance(Duration.ofSeconds(6));

    assertThat(fired).hasSize(2_000).isSorted().doesNotContain(0, 3, 2_997);
  }

  /**
   * The two kinds share one ring with different delays: a close linger (2 s) added after a header
   * deadline still pending (5 s, a connection that sends no header) is due first.
   */
  @Test
  void aShorterTimeoutAddedLaterFiresAtItsOwnDeadline() {
    timeouts.add(() -> fired.add(1), Duration.ofSeconds(5));
    advance(Duration.ofMillis(100));
    timeouts.add(() -> fired.add(2), Duration.ofSeconds(2));

    advance(Duration.ofMillis(2_000).plus(LoopTimeouts.PERIOD));
    assertThat(fired).containsExactly(2);

    advance(Duration.ofSeconds(3));
    assertThat(fired).containsExactly(2, 1);
    assertThat(timeouts.held()).isZero();
  }

  @Test
  void aTimeoutAddedWhenAnotherFiresIsKeptAndFiresInItsTurn() {
    timeouts.add(
        () -> {
          fired.add(1);
          timeouts.add(() -> fired.add(2), Duration.ofSeconds(1));
        },
        Duration.ofSeconds(1));

    advance(Duration.ofMillis(1_200));
    assertThat(fired).containsExactly(1);
    advance(Duration.ofMillis(1_200));

    assertThat(fired).containsExactly(1, 2);
  }

  @Test
  void aTimeoutThatThrowsStopsNeitherTheOthersNorLaterOnes() {
    timeouts.add(
        () -> {
          throw new IllegalStateException("owner failed");
        },
        Duration.ofSeconds(1));
    timeouts.add(() -> fired.add(1), Duration.ofSeconds(1));
    advance(Duration.ofMillis(1_200));

    timeouts.add(() -> fired.add(2), Duration.ofSeconds(1));
    advance(Duration.ofMillis(1_200));

    assertThat(fired).containsExactly(1, 2);
  }

  private void advance(Duration time) {
    channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }
}

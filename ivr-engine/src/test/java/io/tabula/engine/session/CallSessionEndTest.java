package io.tabula.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a call tells of its end without a future per call: the {@link CallSession#reportEndTo}
 * listener hears it exactly once however the end and the registration interleave, and {@link
 * CallSession#ended()}, made only when asked, completes with the outcome before or after the end.
 */
class CallSessionEndTest {

  @Test
  void theListenerRunsOnceWhenTheCallEnds() {
    CallSession session = session();
    AtomicInteger runs = new AtomicInteger();
    session.reportEndTo(s -> runs.incrementAndGet());

    assertThat(runs).hasValue(0);
    assertThat(session.finish(CallOutcome.CALLER_HUNG_UP)).isTrue();
    assertThat(session.finish(CallOutcome.ERROR)).isFalse();

    assertThat(runs).hasValue(1);
  }

  @Test
  void aListenerGivenAfterTheEndRunsAtOnce() {
    CallSession session = session();
    session.finish(CallOutcome.COMPLETED);
    AtomicInteger runs = new AtomicInteger();

    session.reportEndTo(s -> runs.incrementAndGet());

    assertThat(runs).hasValue(1);
  }

  @Test
  void theEndedFutureCompletesWhetherAskedForBeforeOrAfterTheEnd() throws Exception {
    CallSession early = session();
    CompletableFuture<CallOutcome> asked = early.ended();
    assertThat(asked).isNotDone();
    early.finish(CallOutcome.TRANSFERRED);
    assertThat(asked.get(1, TimeUnit.MINUTES)).isEqualTo(CallOutcome.TRANSFERRED);
    assertThat(early.ended()).isSameAs(asked);

    CallSession late = session();
    late.finish(CallOutcome.ENGINE_SHUTDOWN);
    assertThat(late.ended().get(1, TimeUnit.MINUTES)).isEqualTo(CallOutcome.ENGINE_SHUTDOWN);
  }

  @Test
  void aListenerRacingTheEndRunsExactlyOnce() throws Exception {
    for (int round = 0; round < 2_000; round++) {
      CallSession session = session();
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      Thread ender =
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(go);
                    session.finish(CallOutcome.CALLER_HUNG_UP);
                  });
      go.countDown();
      session.reportEndTo(s -> runs.incrementAndGet());
      CompletableFuture<CallOutcome> ended = session.ended();
      ender.join(TimeUnit.MINUTES.toMillis(1));

      assertThat(ender.isAlive()).as("the ending thread finished").isFalse();
      assertThat(runs).as("round %d", round).hasValue(1);
      assertThat(ended.get(1, TimeUnit.MINUTES)).isEqualTo(CallOutcome.CALLER_HUNG_UP);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the start signal never came");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static CallSession session() {
    return TestSessions.detached();
  }
}

package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSession;
import io.tabula.engine.session.TestSessions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

  private final SessionRegistry registry = new SessionRegistry();

  @Test
  void aCallCountsFromItsStartUntilItEnds() {
    CallSession first = session();
    CallSession second = session();
    registry.add(first);
    registry.add(second);

    assertThat(registry.size()).isEqualTo(2);

    first.finish(CallOutcome.COMPLETED);
    first.finish(CallOutcome.ERROR);

    assertThat(registry.size()).isOne();
  }

  @Test
  void aCallThatEndedBeforeItWasAddedCountsOnceAndEndsOnce() {
    CallSession session = session();
    session.finish(CallOutcome.CONNECTION_LOST);

    registry.add(session);
    session.finish(CallOutcome.COMPLETED);

    assertThat(registry.size()).isZero();
  }

  @Test
  void cuttingEndsOnlyTheCallsStillRunning() {
    CallSession ended = session();
    CallSession running = session();
    registry.add(ended);
    registry.add(running);
    ended.finish(CallOutcome.COMPLETED);

    assertThat(registry.cutAll()).isOne();

    assertThat(running.outcome()).contains(CallOutcome.ENGINE_SHUTDOWN);
    assertThat(ended.outcome()).contains(CallOutcome.COMPLETED);
    assertThat(registry.size()).isZero();
  }

  @Test
  void aDrainWithNothingRunningCutsNothing() throws Exception {
    CallSession ended = session();
    registry.add(ended);
    ended.finish(CallOutcome.COMPLETED);

    SessionRegistry.DrainResult result = registry.drain(Duration.ofSeconds(5), Duration.ZERO);

    assertThat(result.errorPath()).isZero();
    assertThat(result.cut()).isZero();
  }

  @Test
  void aDrainCutsTheCallsThatOutlastIt() throws Exception {
    CallSession running = session();
    registry.add(running);

    SessionRegistry.DrainResult result = registry.drain(Duration.ofMillis(10), Duration.ZERO);

    assertThat(result.errorPath()).isOne();
    assertThat(result.cut()).isOne();
    assertThat(running.outcome()).contains(CallOutcome.ENGINE_SHUTDOWN);
  }

  /**
   * The registry learns of the call's end without a completion stage of its own on the call's
   * {@code ended} future (a lambda and a completion node per call, 10,000 of them at 10,000 calls).
   */
  @Test
  void trackingACallAddsNothingToItsEndedFuture() {
    CallSession session = session();

    registry.add(session);

    assertThat(session.ended().getNumberOfDependents()).isZero();
  }

  private static CallSession session() {
    return TestSessions.detached();
  }
}

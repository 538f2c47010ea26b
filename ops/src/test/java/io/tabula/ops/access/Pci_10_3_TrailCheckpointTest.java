package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.Checkpoint;
import io.tabula.ops.access.audit.Repeater;
import io.tabula.ops.access.audit.TrailCheckpointer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PCI DSS 10.3.2 / 10.3.4: while the console runs, the trail's head is signed every {@code
 * signEvery} even when no later record comes along, and once more at shutdown, so the unsigned tail
 * an attacker with database access could rewrite unseen stays short. A repeater the test ticks
 * stands in for the scheduler: nothing sleeps.
 */
class Pci_10_3_TrailCheckpointTest {

  /** Runs its task when the test says so. */
  private static final class TickedRepeater implements Repeater {
    Duration period;
    Runnable task;
    boolean closed;

    @Override
    public void every(Duration period, Runnable task) {
      this.period = period;
      this.task = task;
    }

    void tick() {
      if (!closed) {
        task.run();
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void theHeadIsSignedEachPeriodAndAtShutdownWithoutANewRecordToTriggerIt() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      record(f, 1); // the first record signs the head: no checkpoint yet
      record(f, 2); // within signEvery of it: left unsigned
      assertThat(signedSeqs(f)).containsExactly(1L);

      TickedRepeater repeater = new TickedRepeater();
      TrailCheckpointer checkpointer =
          TrailCheckpointer.start(f.access.trail(), f.access.settings().signEvery(), repeater);
      assertThat(repeater.period).isEqualTo(Duration.ofMinutes(5));

      f.clock.advance(repeater.period);
      repeater.tick();
      assertThat(signedSeqs(f)).containsExactly(1L, 2L);

      f.clock.advance(repeater.period);
      repeater.tick(); // nothing new: nothing signed
      assertThat(signedSeqs(f)).containsExactly(1L, 2L);

      record(f, 3);
      checkpointer.close();
      assertThat(signedSeqs(f)).containsExactly(1L, 2L, 3L);
      assertThat(repeater.closed).isTrue();
    }
  }

  @Test
  void aPeriodOfZeroIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> TrailCheckpointer.start(f.access.trail(), Duration.ZERO, new TickedRepeater()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive");
    }
  }

  private static void record(AccessFixture f, int n) {
    f.clock.advance(Duration.ofSeconds(1));
    f.access
        .trail()
        .record(
            new AuditEvent(
                "ana",
                AuditAction.PUBLISH,
                "city",
                "flow@v" + n,
                "198.51.100.7",
                Outcome.SUCCESS,
                ""));
  }

  private static List<Long> signedSeqs(AccessFixture f) {
    return f.access.trailReader().checkpoints().stream().map(Checkpoint::seq).toList();
  }
}

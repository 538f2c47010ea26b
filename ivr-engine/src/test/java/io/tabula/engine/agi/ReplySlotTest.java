package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.port.CallEndedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplySlotTest {

  private static final AgiReply OK = new AgiReply.Success(0, true, null, -1);

  @Test
  void aReplyThatCameBeforeTheWaitIsReturnedAtOnce() throws InterruptedException {
    ReplySlot slot = new ReplySlot();
    assertThat(slot.complete(OK)).isTrue();

    assertThat(slot.await()).isSameAs(OK);
    assertThat(slot.isDone()).isTrue();
    assertThat(slot.isFailed()).isFalse();
  }

  @Test
  void theFirstOutcomeWinsAndLaterOnesAreIgnored() throws InterruptedException {
    ReplySlot slot = new ReplySlot();
    slot.deadline(System.nanoTime() - 1);

    assertThat(slot.complete(OK)).isTrue();
    assertThat(slot.fail(new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP)))
        .isFalse();
    assertThat(slot.expireIfOverdue(System.nanoTime())).isFalse();
    assertThat(slot.await()).isSameAs(OK);
  }

  @Test
  void aFailureIsThrownWithItsCause() {
    ReplySlot slot = new ReplySlot();
    CallEndedException ended = new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP);
    slot.fail(ended);

    assertThat(slot.isFailed()).isTrue();
    assertThatThrownBy(slot::await)
        .isInstanceOf(ReplySlot.ReplyFailedException.class)
        .cause()
        .isSameAs(ended);
  }

  @Test
  void onlyASlotWhoseDeadlinePassedExpires() {
    ReplySlot noDeadline = new ReplySlot();
    assertThat(noDeadline.expireIfOverdue(System.nanoTime())).isFalse();

    ReplySlot slot = new ReplySlot();
    long now = System.nanoTime();
    slot.deadline(now + Duration.ofSeconds(10).toNanos());
    assertThat(slot.expireIfOverdue(now)).isFalse();
    assertThat(slot.expireIfOverdue(now + Duration.ofSeconds(10).toNanos())).isTrue();

    assertThatThrownBy(slot::await).isInstanceOf(ReplySlot.ReplyOverdueException.class);
  }

  @Test
  @Timeout(10)
  void aParkedVirtualThreadWakesUpWhenTheReplyArrives() throws Exception {
    ReplySlot slot = new ReplySlot();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<AgiReply> got = new CompletableFuture<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  waiting.countDown();
                  try {
                    got.complete(slot.await());
                  } catch (InterruptedException | RuntimeException e) {
                    got.completeExceptionally(e);
                  }
                });
    waiting.await();
    slot.complete(OK);

    assertThat(got.get(5, TimeUnit.SECONDS)).isSameAs(OK);
    waiter.join();
  }

  @Test
  @Timeout(10)
  void anInterruptEndsTheWait() throws Exception {
    ReplySlot slot = new ReplySlot();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    slot.await();
                    thrown.complete(null);
                  } catch (InterruptedException | RuntimeException e) {
                    thrown.complete(e);
                  }
                });
    waiter.interrupt();

    assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  @Timeout(30)
  void completionRacingTheWaitNeverLosesAWakeUp() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      ReplySlot slot = new ReplySlot();
      Thread completer = Thread.ofPlatform().start(() -> slot.complete(OK));
      assertThat(slot.await()).isSameAs(OK);
      completer.join();
    }
  }
}

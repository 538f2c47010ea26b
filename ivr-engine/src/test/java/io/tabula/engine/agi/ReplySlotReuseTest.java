package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slot serves one command after another ({@link ReplySlot#rearm}) without mixing them up. */
class ReplySlotReuseTest {

  private static final AgiReply OK = new AgiReply.Success(0, true, null, -1);
  private static final AgiReply OTHER = new AgiReply.Success(1, true, null, -1);

  @Test
  void aSlotIsRearmedOnlyOnceItSettled() {
    ReplySlot slot = new ReplySlot();

    assertThatThrownBy(slot::rearm).isInstanceOf(IllegalStateException.class);
    slot.complete(OK);
    slot.rearm();
    assertThatThrownBy(slot::rearm).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRearmedSlotWaitsForTheNextReplyAndForgetsTheLastDeadline() {
    ReplySlot slot = new ReplySlot();
    slot.deadline(System.nanoTime() - 1);
    assertThat(slot.complete(OK)).isTrue();

    slot.rearm();

    assertThat(slot.isDone()).isFalse();
    assertThat(slot.hasDeadline()).isFalse();
    assertThat(slot.expireIfOverdue(System.nanoTime())).isFalse();
    assertThatThrownBy(slot::reply).isInstanceOf(IllegalStateException.class);
    assertThat(slot.complete(OTHER)).isTrue();
    assertThat(slot.reply()).isSameAs(OTHER);
  }

  @Test
  void aRearmedSlotTellsItsNewListener() {
    ReplySlot slot = new ReplySlot();
    slot.complete(OK);
    slot.rearm();
    AgiReply[] heard = new AgiReply[1];
    io.netty.channel.DefaultEventLoop loop = new io.netty.channel.DefaultEventLoop();
    try {
      CompletableFuture<Void> done = new CompletableFuture<>();
      loop.execute(
          () -> {
            slot.listen(s -> heard[0] = s.reply(), loop);
            slot.complete(OTHER);
            done.complete(null);
          });
      done.join();
    } finally {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
    assertThat(heard[0]).isSameAs(OTHER);
  }

  /**
   * A sweep running beside the call sees each command overdue (its deadline passed) and then the
   * next command not overdue; however the two interleave, the reply to the next command must win
   * its slot, never a sweep that read the command before.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSweepThatSawAnEarlierCommandOverdueNeverFailsTheNextOne() throws Exception {
    ReplySlot slot = new ReplySlot();
    slot.complete(OK);
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> sweeper =
        CompletableFuture.runAsync(
            () -> {
              while (running.get()) {
                slot.expireIfOverdue(System.nanoTime());
              }
            },
            runnable -> Thread.ofPlatform().name("sweep").start(runnable));
    try {
      long future = System.nanoTime() + Duration.ofHours(1).toNanos();
      for (int i = 0; i < 200_000; i++) {
        slot.rearm();
        slot.deadline(System.nanoTime() - 1); // overdue: the sweep or the reply may win
        slot.complete(OK);
        slot.awaitDone(); // the sweep may have won and not yet written its outcome
        slot.rearm();
        slot.deadline(future); // not overdue: only the reply may settle it
        assertThat(slot.complete(OTHER)).as("the reply to command %d won its slot", i).isTrue();
      }
    } finally {
      running.set(false);
    }
    sweeper.get(1, TimeUnit.MINUTES);
  }
}

package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopWakeupsTest {

  private final MultiThreadIoEventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void everyThreadWhoseReplyOneIterationSettledWakesWithItsReply() throws Exception {
    List<ReplySlot> slots = new ArrayList<>();
    List<CompletableFuture<AgiReply>> received = new ArrayList<>();
    CountDownLatch parked = new CountDownLatch(5);
    for (int i = 0; i < 5; i++) {
      ReplySlot slot = new ReplySlot();
      slots.add(slot);
      received.add(awaitOnVirtualThread(slot, parked));
    }
    assertThat(parked.await(1, TimeUnit.MINUTES)).isTrue();
    awaitParked(slots);

    loop.submit(
            () -> {
              for (int i = 0; i < slots.size(); i++) {
                assertThat(
                        slots.get(i).complete(new AgiReply.Success(i, true, null, -1), wakeups()))
                    .isTrue();
              }
            })
        .get(1, TimeUnit.MINUTES);

    for (int i = 0; i < received.size(); i++) {
      assertThat(received.get(i).get(1, TimeUnit.MINUTES))
          .isEqualTo(new AgiReply.Success(i, true, null, -1));
    }
  }

  @Test
  void aSingleReplyWakesItsThread() throws Exception {
    ReplySlot slot = new ReplySlot();
    CountDownLatch parked = new CountDownLatch(1);
    CompletableFuture<AgiReply> received = awaitOnVirtualThread(slot, parked);
    assertThat(parked.await(1, TimeUnit.MINUTES)).isTrue();
    awaitParked(List.of(slot));

    loop.submit(() -> slot.complete(new AgiReply.Success(7, true, null, -1), wakeups()))
        .get(1, TimeUnit.MINUTES);

    assertThat(received.get(1, TimeUnit.MINUTES))
        .isEqualTo(new AgiReply.Success(7, true, null, -1));
  }

  @Test
  void theFirstSettlementStillWins() throws Exception {
    ReplySlot slot = new ReplySlot();
    slot.fail(new IllegalStateException("call ended"));

    boolean completed =
        loop.submit(() -> slot.complete(new AgiReply.Success(1, true, null, -1), wakeups()))
            .get(1, TimeUnit.MINUTES);

    assertThat(completed).isFalse();
    assertThat(slot.isFailed()).isTrue();
  }

  @Test
  void offTheLoopThereIsNoBatch() {
    assertThat(LoopWakeups.of(loop)).isNull();
    EmbeddedChannel embedded = new EmbeddedChannel();
    assertThat(LoopWakeups.of(embedded.eventLoop())).isNull();
    embedded.finishAndReleaseAll();
  }

  private LoopWakeups wakeups() {
    LoopWakeups wakeups = LoopWakeups.of(loop);
    assertThat(wakeups).isNotNull();
    return wakeups;
  }

  private static CompletableFuture<AgiReply> awaitOnVirtualThread(
      ReplySlot slot, CountDownLatch started) {
    CompletableFuture<AgiReply> received = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              started.countDown();
              try {
                received.complete(slot.await());
              } catch (InterruptedException | RuntimeException e) {
                received.completeExceptionally(e);
              }
            });
    return received;
  }

  /** Waits (bounded) until each slot has a parked waiter, so the wake-up is what is tested. */
  private static void awaitParked(List<ReplySlot> slots) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    for (ReplySlot slot : slots) {
      while (!slot.hasWaiter()) {
        assertThat(System.nanoTime() - giveUp).as("waiter parked within a minute").isNegative();
        Thread.onSpinWait();
      }
    }
  }
}

package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tabula.flows.port.CallEndedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener way to wait on a reply slot, for calls that run on their event loop. */
class ReplySlotListenerTest {

  private static final AgiReply OK = new AgiReply.Success(0, true, null, -1);

  private final MultiThreadIoEventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void aReplySettledOnTheLoopRunsTheListenerInlineBeforeCompleteReturns() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          ReplySlot slot = new ReplySlot();
          slot.listen(settled -> order.add("listener " + settled.reply()), loop);
          slot.complete(OK, LoopWakeups.of(loop));
          order.add("after complete");
          done.complete(null);
        });
    done.get(5, TimeUnit.SECONDS);

    assertThat(order).containsExactly("listener " + OK, "after complete");
  }

  @Test
  void aSlotSettledOffTheLoopRunsItsListenerOnTheLoop() throws Exception {
    CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
    ReplySlot slot = new ReplySlot();
    slot.listen(settled -> onLoop.complete(loop.inEventLoop()), loop);

    slot.fail(new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP));

    assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(slot.isFailed()).isTrue();
  }

  @Test
  void theFirstSettlementWinsAndTheListenerRunsOnce() throws Exception {
    List<Object> outcomes = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    ReplySlot slot = new ReplySlot();
    slot.deadline(System.nanoTime() - 1);
    slot.listen(
        settled -> {
          try {
            outcomes.add(settled.reply());
          } catch (ReplySlot.ReplyOverdueException e) {
            outcomes.add("overdue");
          }
          done.complete(null);
        },
        loop);

    assertThat(slot.expireIfOverdue(System.nanoTime())).isTrue(); // the sweep, off the loop
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    loop.execute(() -> late.complete(slot.complete(OK, LoopWakeups.of(loop))));

    assertThat(late.get(5, TimeUnit.SECONDS)).isFalse();
    done.get(5, TimeUnit.SECONDS);
    CompletableFuture<Void> drained = new CompletableFuture<>();
    loop.execute(() -> drained.complete(null)); // any second listener run would be queued before
    drained.get(5, TimeUnit.SECONDS);
    assertThat(outcomes).containsExactly("overdue");
  }

  @Test
  void aLoopThatNoLongerTakesTasksGetsTheListenerRunByTheSettlingThread() throws Exception {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    List<Thread> ranOn = new CopyOnWriteArrayList<>();
    ReplySlot slot = new ReplySlot();
    slot.listen(settled -> ranOn.add(Thread.currentThread()), loop);

    slot.fail(new CallEndedException(CallEndedException.Reason.ENGINE_SHUTDOWN));

    assertThat(ranOn).containsExactly(Thread.currentThread());
  }

  @Test
  void aReplySettledWithItsLoopsWakeUpsDoesNotAskTheLoopAgainWhereItRuns() throws Exception {
    CountingLoop counting = new CountingLoop();
    try {
      CompletableFuture<Integer> asked = new CompletableFuture<>();
      List<String> order = new CopyOnWriteArrayList<>();
      counting.execute(
          () -> {
            ReplySlot slot = new ReplySlot();
            slot.listen(settled -> order.add("listener"), counting);
            int before = counting.asked.get();
            slot.complete(OK, LoopWakeups.of(counting));
            order.add("after complete");
            asked.complete(counting.asked.get() - before);
          });

      // LoopWakeups.of asks once; the settlement then knows it runs on the loop (it asked twice).
      assertThat(asked.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(order).containsExactly("listener", "after complete");
    } finally {
      counting.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** A loop that counts how often it is asked whether a thread is its own. */
  private static final class CountingLoop extends DefaultEventLoop {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public boolean inEventLoop(Thread thread) {
      asked.incrementAndGet();
      return super.inEventLoop(thread);
    }
  }
}

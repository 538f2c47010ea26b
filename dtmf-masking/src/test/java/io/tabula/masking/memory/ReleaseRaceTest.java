package io.tabula.masking.memory;

import static io.tabula.masking.memory.Digits.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A release (on the event loop, at hangup) racing digits arriving and readers on other threads: the
 * release never waits for anyone, the slot is zeroed exactly once, by the releaser when nothing
 * runs on the slot or else by the last operation to leave, and no operation ever sees or leaves a
 * half-zeroed slot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReleaseRaceTest {

  private static final String CARD = "4000056655665556";
  private static final String PREFIX = "4000";

  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(2, 256, false, false));
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
    pool.close();
  }

  private CallMemory acquire() {
    return ((Acquisition.Acquired) pool.acquire()).memory();
  }

  @Test
  void releaseReturnsAtOnceWhileAReaderIsStillInsideItsCallback() throws Exception {
    CallMemory memory = acquire();
    SecretField pan = type(memory.field("pan", 19), CARD);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Future<Integer> reader =
        threads.submit(() -> pan.read(digits -> holdOpen(digits, inside, leave)));
    inside.await();
    try {
      Future<Boolean> release = threads.submit(memory::release);

      assertThat(release.get(5, TimeUnit.SECONDS)).as("release did not wait").isTrue();
      assertThat(memory.isReleased()).isTrue();
      assertThat(pool.slotIsZero(memory.slot())).as("the reader still sees its digits").isFalse();
      assertThat(pool.zeroings()).isZero();
    } finally {
      leave.countDown();
    }
    assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo(CARD.length());
    assertThat(pool.slotIsZero(memory.slot())).as("zeroed by the reader as it left").isTrue();
    assertThat(pool.zeroings()).isEqualTo(1);
    assertThat(pool.slotsInUse()).isZero();
    assertThat(memory.release()).isFalse();
  }

  @Test
  void theLastOfSeveralReadersZeroesTheSlotExactlyOnce() throws Exception {
    CallMemory memory = acquire();
    SecretField pan = type(memory.field("pan", 19), CARD);
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch leaveFirst = new CountDownLatch(1);
    CountDownLatch leaveSecond = new CountDownLatch(1);
    Future<Integer> first = threads.submit(() -> pan.read(d -> holdOpen(d, inside, leaveFirst)));
    Future<Integer> second = threads.submit(() -> pan.read(d -> holdOpen(d, inside, leaveSecond)));
    inside.await();
    try {
      assertThat(threads.submit(memory::release).get(5, TimeUnit.SECONDS)).isTrue();
      leaveFirst.countDown();
      first.get(5, TimeUnit.SECONDS);
      assertThat(pool.slotIsZero(memory.slot())).as("one reader is still inside").isFalse();
      assertThat(pool.zeroings()).isZero();
    } finally {
      leaveFirst.countDown();
      leaveSecond.countDown();
    }
    second.get(5, TimeUnit.SECONDS);

    assertThat(pool.slotIsZero(memory.slot())).isTrue();
    assertThat(pool.zeroings()).isEqualTo(1);
    assertThat(memory.release()).isFalse();
    assertThat(pool.zeroings()).isEqualTo(1);
  }

  @Test
  void releasingFromInsideAReadCallbackZeroesWhenTheCallbackReturns() throws Exception {
    CallMemory memory = acquire();
    SecretField pan = type(memory.field("pan", 19), CARD);

    Future<Boolean> released = threads.submit(() -> pan.read(digits -> memory.release()));

    assertThat(released.get(5, TimeUnit.SECONDS)).as("no wait for itself").isTrue();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
    assertThat(pool.zeroings()).isEqualTo(1);
  }

  @Test
  void closingThePoolLetsAReaderFinishThenZeroes() throws Exception {
    CallMemory memory = acquire();
    SecretField pan = type(memory.field("pan", 19), CARD);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Future<Integer> reader = threads.submit(() -> pan.read(d -> holdOpen(d, inside, leave)));
    inside.await();

    Future<?> closing = threads.submit(pool::close);
    while (!memory.isReleased()) {
      Thread.onSpinWait(); // close() claims the release first, then waits for the reader
    }
    assertThat(pool.zeroings()).isZero();
    leave.countDown();

    assertThat(reader.get(5, TimeUnit.SECONDS)).as("the reader saw its digits").isEqualTo(16);
    closing.get(5, TimeUnit.SECONDS);
    assertThat(pool.zeroings()).isEqualTo(1);
    assertThat(memory.isReleased()).isTrue();
  }

  /**
   * Many rounds of two releasers, an appender and a reader started together on one call's memory.
   * Readers check every digit they see (a zeroing that ran under them shows as a zero byte); after
   * each round the slot must be all zeros (an append that landed after the zeroing shows as a
   * digit) and exactly one release must have won.
   */
  @Test
  void releaseRacingAppendsAndReadsZeroesOnceAndNeverUnderAnOperation() throws Exception {
    int rounds = 3_000;
    AtomicInteger tornReads = new AtomicInteger();
    for (int round = 0; round < rounds; round++) {
      CallMemory memory = acquire();
      SecretField pan = type(memory.field("pan", 19), PREFIX);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> releases = new ArrayList<>();
      List<Future<?>> others = new ArrayList<>();
      others.add(threads.submit(() -> appendUntilStale(pan, start)));
      others.add(threads.submit(() -> readUntilStale(pan, start, tornReads)));
      for (int r = 0; r < 2; r++) {
        releases.add(
            threads.submit(
                () -> {
                  start.await();
                  return memory.release();
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> release : releases) {
        winners += release.get() ? 1 : 0;
      }
      for (Future<?> other : others) {
        other.get();
      }
      assertThat(winners).as("round %d: releases that won", round).isEqualTo(1);
      assertThat(pool.slotIsZero(memory.slot()))
          .as("round %d: slot zero at the end", round)
          .isTrue();
    }
    assertThat(tornReads.get()).as("reads that saw a zeroing under them").isZero();
    assertThat(pool.zeroings()).isEqualTo(rounds);
    assertThat(pool.slotsInUse()).isZero();
  }

  private static int holdOpen(SecretDigits digits, CountDownLatch inside, CountDownLatch leave) {
    inside.countDown();
    try {
      leave.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return digits.length();
  }

  private static Void appendUntilStale(SecretField pan, CountDownLatch start) throws Exception {
    start.await();
    try {
      while (!pan.isFull()) {
        pan.append((byte) '7');
      }
      while (true) {
        pan.length();
      }
    } catch (StaleCallMemoryException expected) {
      return null;
    }
  }

  private static Void readUntilStale(SecretField pan, CountDownLatch start, AtomicInteger torn)
      throws Exception {
    start.await();
    try {
      while (true) {
        pan.read(
            digits -> {
              // Only the digits typed before the round are ordered before this read; later ones
              // reach a reader through a future in the engine, not through this race.
              for (int i = 0; i < PREFIX.length(); i++) {
                byte digit = digits.digitAt(i);
                if (digit < '0' || digit > '9') {
                  torn.incrementAndGet();
                }
              }
              return null;
            });
      }
    } catch (StaleCallMemoryException expected) {
      return null;
    }
  }
}

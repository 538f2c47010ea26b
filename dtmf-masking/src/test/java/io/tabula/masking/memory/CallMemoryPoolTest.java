package io.tabula.masking.memory;

import static io.tabula.masking.memory.Digits.rawBytes;
import static io.tabula.masking.memory.Digits.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallMemoryPoolTest {

  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(4, 256, true, true));

  @AfterEach
  void closePool() {
    pool.close();
  }

  private CallMemory acquire() {
    return ((Acquisition.Acquired) pool.acquire()).memory();
  }

  @Test
  void releaseZeroesEveryByteOfTheSlot() {
    CallMemory memory = acquire();
    type(memory.field("pan", 19), "4242424242424242");
    type(memory.field("cvc", 4), "123");
    int slot = memory.slot();
    assertThat(rawBytes(pool, slot)).contains((byte) '4', (byte) '2');
    assertThat(pool.slotIsZero(slot)).isFalse();

    assertThat(memory.release()).isTrue();

    assertThat(rawBytes(pool, slot)).containsOnly((byte) 0);
    assertThat(pool.slotIsZero(slot)).isTrue();
    assertThat(pool.zeroings()).isEqualTo(1);
    assertThat(pool.lastZeroingNanos()).isPositive();
    assertThat(pool.zeroingNanos()).isEqualTo(pool.lastZeroingNanos());
  }

  @Test
  void whenEverySlotIsTakenAcquireSaysEngineFullInsteadOfFailing() {
    for (int i = 0; i < 4; i++) {
      assertThat(pool.acquire()).isInstanceOf(Acquisition.Acquired.class);
    }

    assertThat(pool.acquire()).isEqualTo(new Acquisition.EngineFull(4));
    assertThat(pool.rejections()).isEqualTo(1);
    assertThat(pool.slotsFree()).isZero();
  }

  @Test
  void aReleasedSlotIsHandedOutAgain() {
    List<CallMemory> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(acquire());
    }
    all.get(2).release();

    CallMemory again = acquire();

    assertThat(again.slot()).isEqualTo(all.get(2).slot());
    assertThat(pool.slotsInUse()).isEqualTo(4);
  }

  @Test
  void racingReleasesZeroExactlyOnce() throws Exception {
    int threads = 8;
    try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
      for (int round = 0; round < 200; round++) {
        CallMemory memory = acquire();
        type(memory.field("pan", 19), "4000056655665556");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(
              executor.submit(
                  () -> {
                    start.await();
                    return memory.release();
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    }
    assertThat(pool.zeroings()).isEqualTo(200);
    assertThat(pool.slotsInUse()).isZero();
  }

  @Test
  void concurrentAcquiresNeverHandOutTheSameSlotTwice() throws Exception {
    try (CallMemoryPool big =
            CallMemoryPool.open(new CallMemoryPoolConfig(1000, 64, false, false));
        ExecutorService executor = Executors.newFixedThreadPool(4)) {
      List<Future<List<Integer>>> batches = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        batches.add(
            executor.submit(
                () -> {
                  List<Integer> slots = new ArrayList<>();
                  for (int i = 0; i < 250; i++) {
                    slots.add(((Acquisition.Acquired) big.acquire()).memory().slot());
                  }
                  return slots;
                }));
      }
      Set<Integer> seen = new HashSet<>();
      for (Future<List<Integer>> batch : batches) {
        seen.addAll(batch.get());
      }
      assertThat(seen).hasSize(1000);
      assertThat(big.acquire()).isInstanceOf(Acquisition.EngineFull.class);
    }
  }

  @Test
  void aStaleHandleFailsEvenAfterItsSlotWentToAnotherCall() {
    CallMemory first = acquire();
    SecretField oldPan = first.field("pan", 19);
    first.release();
    List<CallMemory> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      others.add(acquire());
    }
    assertThat(others).extracting(CallMemory::slot).contains(first.slot());

    assertThatThrownBy(() -> oldPan.append((byte) '4'))
        .isInstanceOf(StaleCallMemoryException.class)
        .hasMessageContaining("'pan'");
    assertThatThrownBy(() -> first.field("pan", 19)).isInstanceOf(StaleCallMemoryException.class);
    assertThatThrownBy(oldPan::length).isInstanceOf(StaleCallMemoryException.class);
    assertThatThrownBy(() -> oldPan.read(SecretDigits::length))
        .isInstanceOf(StaleCallMemoryException.class);
    assertThat(first.release()).isFalse();
    CallMemory reused =
        others.stream().filter(m -> m.slot() == first.slot()).findFirst().orElseThrow();
    assertThat(reused.isReleased()).isFalse();
    assertThat(reused.fields()).isEmpty();
  }

  @Test
  void closingThePoolZeroesSlotsStillHeldByCalls() {
    CallMemory memory = acquire();
    type(memory.field("pin", 12), "9876");
    int slot = memory.slot();
    byte[] before = rawBytes(pool, slot);
    assertThat(before).contains((byte) '9');

    pool.close();

    assertThat(memory.isReleased()).isTrue();
    assertThatThrownBy(() -> memory.field("pin", 12)).isInstanceOf(StaleCallMemoryException.class);
    assertThat(pool.zeroings()).isEqualTo(1);
    pool.close(); // idempotent
  }

  @Test
  void protectionsAreReportedWhateverTheOsAllows() {
    MemoryProtections protections = pool.protections();

    assertThat(protections.summary()).contains("mlock=").contains("dontdump=");
    if (!protections.lockedInMemory() || !protections.excludedFromCoreDumps()) {
      assertThat(protections.detail()).isNotBlank();
    }
  }

  @Test
  void disabledProtectionsSayWhy() {
    try (CallMemoryPool plain =
        CallMemoryPool.open(new CallMemoryPoolConfig(1, 64, false, false))) {
      assertThat(plain.protections().lockedInMemory()).isFalse();
      assertThat(plain.protections().detail()).contains("disabled by configuration");
    }
  }

  @Test
  void metricsShowSlotsAndZeroings() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new CallMemoryMetrics(pool).bindTo(registry);
    CallMemory memory = acquire();

    assertThat(registry.get("tabula.callmemory.slots.in_use").gauge().value()).isEqualTo(1);
    assertThat(registry.get("tabula.callmemory.slots.free").gauge().value()).isEqualTo(3);
    memory.release();
    assertThat(registry.get("tabula.callmemory.zeroings").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("tabula.callmemory.slots.in_use").gauge().value()).isZero();
  }

  @Test
  void configRejectsNonsense() {
    assertThatThrownBy(() -> new CallMemoryPoolConfig(0, 4096, true, true))
        .hasMessageContaining("slots");
    assertThatThrownBy(() -> new CallMemoryPoolConfig(1, 100, true, true))
        .hasMessageContaining("multiple of 64");
    assertThat(CallMemoryPoolConfig.defaults().slotBytes()).isEqualTo(4096);
  }
}

package io.tabula.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The allocator's books, for heap and direct buffers alike. */
class CheckedAllocatorTest {

  enum Kind {
    HEAP(CheckedAllocator::heapBuffer),
    DIRECT(CheckedAllocator::directBuffer);

    private final BiFunction<CheckedAllocator, Integer, ByteBuf> make;

    Kind(BiFunction<CheckedAllocator, Integer, ByteBuf> make) {
      this.make = make;
    }

    ByteBuf buffer(CheckedAllocator alloc, int capacity) {
      return make.apply(alloc, capacity);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aBufferZeroedBeforeItsReleasePasses(Kind kind) {
    CheckedAllocator alloc = CheckedAllocator.zeroChecking();
    ByteBuf buffer = kind.buffer(alloc, 64);
    buffer.writeByte('7');
    assertThat(alloc.liveBytes()).isEqualTo(64);

    buffer.setZero(0, buffer.capacity());
    buffer.release();

    alloc.assertAllReleased();
    alloc.assertReleasedOnlyZeroed();
    assertThat(alloc.liveBytes()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aBufferReleasedWithADigitInItFailsOnlyTheZeroCheckingAllocator(Kind kind) {
    CheckedAllocator zeroChecking = CheckedAllocator.zeroChecking();
    CheckedAllocator counting = CheckedAllocator.counting();
    kind.buffer(zeroChecking, 16).writeByte('7').release();
    kind.buffer(counting, 16).writeByte('7').release();

    assertThatThrownBy(zeroChecking::assertReleasedOnlyZeroed)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("1 buffer(s) were released or grown without being zeroed");
    counting.assertReleasedOnlyZeroed();
    zeroChecking.assertAllReleased();
    counting.assertAllReleased();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void growingABufferThatHoldsADigitCountsAsAnUnzeroedRelease(Kind kind) {
    CheckedAllocator alloc = CheckedAllocator.zeroChecking();
    ByteBuf buffer = kind.buffer(alloc, 8);
    buffer.writeByte('7');

    buffer.capacity(32);
    assertThat(alloc.liveBytes()).isEqualTo(32);
    assertThat(alloc.peakBytes()).isEqualTo(32);
    buffer.setZero(0, buffer.capacity());
    buffer.release();

    assertThatThrownBy(alloc::assertReleasedOnlyZeroed).isInstanceOf(AssertionError.class);
    alloc.assertAllReleased();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aBufferStillHeldIsALeakAndThePeakIsTheMostHeldAtOnce(Kind kind) {
    CheckedAllocator alloc = CheckedAllocator.counting();
    ByteBuf first = kind.buffer(alloc, 64);
    ByteBuf second = kind.buffer(alloc, 32);
    first.release();

    assertThatThrownBy(alloc::assertAllReleased)
        .isInstanceOf(AssertionError.class)
        .hasMessage("1 buffer(s) of 32 bytes were never released: a leak");
    second.release();
    alloc.assertAllReleased();
    alloc.assertPeakAtMost(96);
    assertThatThrownBy(() -> alloc.assertPeakAtMost(95))
        .isInstanceOf(AssertionError.class)
        .hasMessage("held 96 bytes at once, more than the stated limit of 95");
  }
}

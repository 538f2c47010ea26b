package io.tabula.connectors.payment.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZeroingByteBufAllocatorTest {

  /** Same buffers, but with memory the collector frees, so it can be read after release. */
  private static final ZeroingByteBufAllocator INSPECTABLE = new ZeroingByteBufAllocator(true);

  /** A view that keeps the buffer's memory reachable so the test can look at it after release. */
  private static ByteBuffer memoryOf(ByteBuf buffer) {
    return buffer.internalNioBuffer(0, buffer.capacity()).duplicate();
  }

  private static boolean allZero(ByteBuffer memory) {
    ByteBuffer all = memory.duplicate().clear();
    while (all.hasRemaining()) {
      if (all.get() != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void newBufferIsEmptyAndWritable() {
    ByteBuf buffer = ZeroingByteBufAllocator.INSTANCE.buffer(32);
    buffer.writeCharSequence("4242424242424242", StandardCharsets.US_ASCII);
    buffer.writeCharSequence("4242424242424242", StandardCharsets.US_ASCII);
    buffer.writeCharSequence("&grows=past-the-first-capacity", StandardCharsets.US_ASCII);
    buffer.clear();
    try {
      assertThat(buffer.readableBytes()).isZero();
      assertThat(buffer.isDirect()).isTrue();
    } finally {
      buffer.release();
    }
  }

  @Test
  void releasedBufferMemoryIsZero() {
    ByteBuf buffer = INSPECTABLE.directBuffer(64);
    buffer.writeCharSequence("card[number]=4242424242424242", StandardCharsets.US_ASCII);
    ByteBuffer memory = memoryOf(buffer);
    assertThat(allZero(memory)).isFalse();

    buffer.release();

    assertThat(allZero(memory)).isTrue();
  }

  @Test
  void memoryLeftBehindWhenTheBufferGrowsIsZeroAndTheContentMoves() {
    ByteBuf buffer = INSPECTABLE.directBuffer(16);
    try {
      buffer.writeCharSequence("4242424242424242", StandardCharsets.US_ASCII);
      ByteBuffer before = memoryOf(buffer);

      buffer.writeCharSequence("&card[cvc]=123", StandardCharsets.US_ASCII);

      assertThat(allZero(before)).isTrue();
      assertThat(buffer.toString(StandardCharsets.US_ASCII))
          .isEqualTo("4242424242424242&card[cvc]=123");
    } finally {
      buffer.release();
    }
  }

  @Test
  void heapRequestsGetZeroingDirectBuffersToo() {
    ByteBuf buffer = INSPECTABLE.heapBuffer(16);
    buffer.writeLong(0x3432343234323432L);
    ByteBuffer memory = memoryOf(buffer);

    buffer.release();

    assertThat(allZero(memory)).isTrue();
  }
}

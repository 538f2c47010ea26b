package io.tabula.engine.agi;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.concurrent.atomic.AtomicInteger;

/** An allocator that counts the buffers it hands out, to show which paths take none. */
final class CountingAllocator extends AbstractByteBufAllocator {

  private static final ByteBufAllocator UNPOOLED = new UnpooledByteBufAllocator(true, true);

  private final AtomicInteger buffers = new AtomicInteger();

  CountingAllocator() {
    super(true);
  }

  int buffers() {
    return buffers.get();
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    buffers.incrementAndGet();
    return UNPOOLED.directBuffer(initialCapacity, maxCapacity);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    buffers.incrementAndGet();
    return UNPOOLED.heapBuffer(initialCapacity, maxCapacity);
  }
}

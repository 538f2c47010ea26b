package io.tabula.connectors.payment.http;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.util.internal.CleanableDirectBuffer;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * An allocator whose buffers zero their memory before it is freed, also when a buffer grows and its
 * old memory is let go. Channels that carry card data use it for everything (request bodies, TLS
 * plaintext copies, decoder cumulations), so no buffer that held a PAN returns to a pool or to the
 * OS with the digits in it.
 *
 * <p>It does not pool: zeroing and pooling would fight, and payment traffic is a few requests per
 * call. Heap buffers are direct too, so every byte stays off the Java heap.
 *
 * <pre>{@code
 * bootstrap.option(ChannelOption.ALLOCATOR, ZeroingByteBufAllocator.INSTANCE);
 * }</pre>
 */
public final class ZeroingByteBufAllocator extends AbstractByteBufAllocator {

  public static final ZeroingByteBufAllocator INSTANCE = new ZeroingByteBufAllocator();

  private ZeroingByteBufAllocator() {
    super(true);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return newDirectBuffer(initialCapacity, maxCapacity);
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return toLeakAwareBuffer(new ZeroingDirectByteBuf(this, initialCapacity, maxCapacity));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  /**
   * A direct buffer that wipes its memory before it is given up. All its memory comes from {@link
   * ByteBuffer#allocateDirect} and is returned by the garbage collector, never freed explicitly, so
   * the old memory can still be zeroed safely after the buffer grew into new memory.
   */
  private static final class ZeroingDirectByteBuf extends UnpooledDirectByteBuf {

    private ByteBuffer current;

    ZeroingDirectByteBuf(ByteBufAllocator alloc, int initialCapacity, int maxCapacity) {
      this(alloc, ByteBuffer.allocateDirect(initialCapacity), maxCapacity);
    }

    private ZeroingDirectByteBuf(ByteBufAllocator alloc, ByteBuffer initial, int maxCapacity) {
      super(alloc, initial, maxCapacity);
      current = initial;
      // The wrapping constructor marks the memory as written; a new buffer starts empty.
      clear();
    }

    @Override
    protected CleanableDirectBuffer allocateDirectBuffer(int capacity) {
      ByteBuffer memory = ByteBuffer.allocateDirect(capacity);
      return new GcCleanable(memory);
    }

    @Override
    public ByteBuf capacity(int newCapacity) {
      ByteBuffer before = current;
      ByteBuf result = super.capacity(newCapacity);
      ByteBuffer after = internalNioBuffer(0, capacity());
      if (before != null && !sameMemory(before, after)) {
        zero(before);
        current = after;
      }
      return result;
    }

    @Override
    protected void deallocate() {
      if (current != null) {
        zero(current);
        current = null;
      }
      super.deallocate();
    }

    private static boolean sameMemory(ByteBuffer a, ByteBuffer b) {
      return MemorySegment.ofBuffer(a).address() == MemorySegment.ofBuffer(b).address();
    }
  }

  /** Memory the garbage collector frees; cleaning zeroes it, which is all we need. */
  private record GcCleanable(ByteBuffer buffer) implements CleanableDirectBuffer {

    @Override
    public void clean() {
      zero(buffer);
    }
  }

  static void zero(ByteBuffer buffer) {
    ByteBuffer all = buffer.duplicate().clear();
    while (all.remaining() >= Long.BYTES) {
      all.putLong(0L);
    }
    while (all.hasRemaining()) {
      all.put((byte) 0);
    }
  }
}

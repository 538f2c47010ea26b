package io.tabula.connectors.payment.http;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.util.internal.CleanableDirectBuffer;
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

  public static final ZeroingByteBufAllocator INSTANCE = new ZeroingByteBufAllocator(false);

  private final boolean collectorFreed;

  /**
   * @param collectorFreed take memory that the garbage collector frees instead of freeing it
   *     explicitly, so a test can still read it after release to prove it was zeroed
   */
  ZeroingByteBufAllocator(boolean collectorFreed) {
    super(true);
    this.collectorFreed = collectorFreed;
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return newDirectBuffer(initialCapacity, maxCapacity);
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return toLeakAwareBuffer(
        new ZeroingDirectByteBuf(this, initialCapacity, maxCapacity, collectorFreed));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  /**
   * A direct buffer whose every piece of memory is zeroed before it is freed: on release, and when
   * the buffer grows (Netty copies the content into new memory, then cleans the old).
   */
  private static final class ZeroingDirectByteBuf extends UnpooledDirectByteBuf {

    private final boolean collectorFreed;

    ZeroingDirectByteBuf(
        ByteBufAllocator alloc, int initialCapacity, int maxCapacity, boolean collectorFreed) {
      // Starts empty and grows at once: growing is the path that allocates through
      // allocateDirectBuffer(int), so the first memory is wrapped like every later one.
      super(alloc, 0, maxCapacity);
      this.collectorFreed = collectorFreed;
      capacity(initialCapacity);
    }

    @Override
    protected CleanableDirectBuffer allocateDirectBuffer(int capacity) {
      if (collectorFreed) {
        return new CollectorFreed(ByteBuffer.allocateDirect(capacity));
      }
      return new ZeroingCleanable(super.allocateDirectBuffer(capacity));
    }
  }

  /** Wraps Netty's cleaner so the memory is zeroed right before it is freed. */
  private record ZeroingCleanable(CleanableDirectBuffer delegate) implements CleanableDirectBuffer {

    @Override
    public ByteBuffer buffer() {
      return delegate.buffer();
    }

    @Override
    public void clean() {
      zero(delegate.buffer());
      delegate.clean();
    }

    @Override
    public boolean hasMemoryAddress() {
      return delegate.hasMemoryAddress();
    }

    @Override
    public long memoryAddress() {
      return delegate.memoryAddress();
    }
  }

  /** Memory the garbage collector frees; cleaning only zeroes it. For tests. */
  private record CollectorFreed(ByteBuffer buffer) implements CleanableDirectBuffer {

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

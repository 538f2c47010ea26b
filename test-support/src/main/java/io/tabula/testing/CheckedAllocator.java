package io.tabula.testing;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * A Netty allocator for fuzz tests that checks, per input, what a parser did with its memory: how
 * many bytes it held at most, whether it gave every buffer back, and (when asked) whether every
 * buffer was all zeros at the moment it was released or grown. Growing a buffer frees the old
 * memory without zeroing it, so a grow of a buffer that still holds bytes counts as a release of
 * unzeroed memory.
 *
 * <p>Buffers are unpooled and wrapped by Netty's leak detector like any other, so the paranoid
 * detector stays on. Not thread-safe: one allocator per input, used on one event loop.
 *
 * <pre>{@code
 * CheckedAllocator alloc = CheckedAllocator.zeroChecking();
 * channel.config().setAllocator(alloc);
 * ... feed the input ...
 * alloc.assertAllReleased();
 * alloc.assertPeakAtMost(limits.maxLineBytes() + input.length);
 * }</pre>
 */
public final class CheckedAllocator extends AbstractByteBufAllocator {

  private final boolean requireZeroOnRelease;
  private long liveBytes;
  private long peakBytes;
  private int liveBuffers;
  private int releasedUnzeroed;

  private CheckedAllocator(boolean requireZeroOnRelease) {
    super(true);
    this.requireZeroOnRelease = requireZeroOnRelease;
  }

  /** For parsers of secrets: every buffer must be all zeros when released or grown. */
  public static CheckedAllocator zeroChecking() {
    return new CheckedAllocator(true);
  }

  /** For parsers that never see caller digits: counts bytes and releases only. */
  public static CheckedAllocator counting() {
    return new CheckedAllocator(false);
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return toLeakAwareBuffer(new Heap(initialCapacity, maxCapacity));
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return toLeakAwareBuffer(new Direct(initialCapacity, maxCapacity));
  }

  /** Bytes held by buffers not yet released. */
  public long liveBytes() {
    return liveBytes;
  }

  /** The most bytes held at once since this allocator was made. */
  public long peakBytes() {
    return peakBytes;
  }

  /** Fails when a buffer is still held. */
  public void assertAllReleased() {
    if (liveBuffers != 0 || liveBytes != 0) {
      throw new AssertionError(
          liveBuffers + " buffer(s) of " + liveBytes + " bytes were never released: a leak");
    }
  }

  /** Fails when a buffer was released or grown while it held a non-zero byte. */
  public void assertReleasedOnlyZeroed() {
    if (releasedUnzeroed != 0) {
      throw new AssertionError(
          releasedUnzeroed
              + " buffer(s) were released or grown without being zeroed first: bytes that may be"
              + " caller digits stayed in freed memory");
    }
  }

  /** Fails when the parser ever held more than {@code limit} bytes at once. */
  public void assertPeakAtMost(long limit) {
    if (peakBytes > limit) {
      throw new AssertionError(
          "held " + peakBytes + " bytes at once, more than the stated limit of " + limit);
    }
  }

  /** A buffer of {@code capacity} bytes was made. */
  private void opened(int capacity) {
    liveBuffers++;
    allocated(capacity);
  }

  /** A buffer grows or shrinks: its old memory is freed as it is, the new counted. */
  private void resized(Bytes buffer, int oldCapacity, int newCapacity) {
    if (newCapacity != oldCapacity) {
      released(buffer, oldCapacity);
      allocated(newCapacity);
    }
  }

  /** A buffer's memory goes back, as it is. */
  private void closed(Bytes buffer, int capacity) {
    released(buffer, capacity);
    liveBuffers--;
  }

  private void allocated(int bytes) {
    liveBytes += bytes;
    peakBytes = Math.max(peakBytes, liveBytes);
  }

  private void released(Bytes buffer, int capacity) {
    if (requireZeroOnRelease && !allZero(buffer, capacity)) {
      releasedUnzeroed++;
    }
    liveBytes -= capacity;
  }

  private static boolean allZero(Bytes buffer, int capacity) {
    for (int i = 0; i < capacity; i++) {
      if (buffer.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A buffer's bytes read without the reference-count check ({@code _getByte}): at deallocation the
   * count is already zero. The two buffer kinds share no superclass that could hold the books, so
   * each hands its reader to the allocator.
   */
  @FunctionalInterface
  private interface Bytes {
    byte byteAt(int index);
  }

  private final class Direct extends UnpooledDirectByteBuf {
    Direct(int initialCapacity, int maxCapacity) {
      super(CheckedAllocator.this, initialCapacity, maxCapacity);
      opened(capacity());
    }

    @Override
    public ByteBuf capacity(int newCapacity) {
      resized(this::_getByte, capacity(), newCapacity);
      return super.capacity(newCapacity);
    }

    @Override
    protected void deallocate() {
      closed(this::_getByte, capacity());
      super.deallocate();
    }
  }

  private final class Heap extends UnpooledHeapByteBuf {
    Heap(int initialCapacity, int maxCapacity) {
      super(CheckedAllocator.this, initialCapacity, maxCapacity);
      opened(capacity());
    }

    @Override
    public ByteBuf capacity(int newCapacity) {
      resized(this::_getByte, capacity(), newCapacity);
      return super.capacity(newCapacity);
    }

    @Override
    protected void deallocate() {
      closed(this::_getByte, capacity());
      super.deallocate();
    }
  }
}

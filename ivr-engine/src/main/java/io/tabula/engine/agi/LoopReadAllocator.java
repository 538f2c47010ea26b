package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * Reads every AGI connection of an event loop into the loop's one read buffer ({@link
 * LoopBuffer#READS}) instead of a pooled buffer per read. The decoder zeroes and releases each read
 * before the next one starts, so the buffer is free again by then; when it is not (a read fired to
 * no decoder, held elsewhere), the read gets a pooled buffer as before. How much to read and
 * whether to read again are Netty's adaptive rules, unchanged.
 *
 * <pre>{@code
 * bootstrap.childOption(ChannelOption.RECVBUF_ALLOCATOR, LoopReadAllocator.INSTANCE);
 * }</pre>
 */
public final class LoopReadAllocator implements RecvByteBufAllocator {

  /** Holds no state of its own: every channel's handle is made by {@link #newHandle}. */
  public static final LoopReadAllocator INSTANCE = new LoopReadAllocator();

  private final AdaptiveRecvByteBufAllocator sizes = new AdaptiveRecvByteBufAllocator();

  private LoopReadAllocator() {}

  @Override
  public ExtendedHandle newHandle() {
    return new LoopHandle((ExtendedHandle) sizes.newHandle());
  }

  /** Extended, as the epoll transport requires of a handle; the sizing handle is one. */
  private static final class LoopHandle extends DelegatingHandle implements ExtendedHandle {

    private final ExtendedHandle sizes;

    LoopHandle(ExtendedHandle sizes) {
      super(sizes);
      this.sizes = sizes;
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
      return sizes.continueReading(maybeMoreDataSupplier);
    }

    @Override
    public ByteBuf allocate(ByteBufAllocator alloc) {
      ByteBuf lent = LoopBuffer.READS.lend(0);
      return lent != null ? lent : delegate().allocate(alloc);
    }
  }
}

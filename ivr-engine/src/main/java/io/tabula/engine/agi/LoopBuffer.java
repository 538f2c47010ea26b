package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * One direct buffer per event-loop thread that the loop lends for a single use at a time: a read
 * from a socket, or a command on its way to one. Taking a pooled buffer per read and per command
 * (with its reference counting, leak-detector sampling and return to the pool) was about 3 % of the
 * event loop at 200 calls, for buffers that live a few microseconds each.
 *
 * <p>A lent buffer is retained once; the user's release gives it back (the decoder releases every
 * read, Netty releases a written command once the socket took it). While a user still holds it, as
 * when a socket could not take a command at once, {@link #lend} returns null and the caller takes a
 * buffer of its own, as before. Before each loan the bytes the last user wrote are zeroed (rule 2:
 * a read may have held a caller's digits; the decoder zeroes them already, this holds even when a
 * read never reached it), and the thread's buffers are zeroed and freed when its loop ends.
 *
 * <pre>{@code
 * ByteBuf out = LoopBuffer.WRITES.lend(length); // null: in use or too short, allocate instead
 * }</pre>
 */
final class LoopBuffer {

  /** Reads of AGI traffic are a reply line or a header block: far below this. */
  static final int READ_CAPACITY = 4096;

  /** Commands are one line; a longer one takes a buffer of its own. */
  static final int WRITE_CAPACITY = 1024;

  /**
   * Not the channel's pooled allocator: the buffer lives as long as its thread, is never released
   * per use, and a thread that is not an event loop (a test's) frees it through the cleaner.
   */
  private static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true, false);

  static final Lender READS = new Lender(READ_CAPACITY);
  static final Lender WRITES = new Lender(WRITE_CAPACITY);

  private final int capacity;
  private ByteBuf buffer;

  private LoopBuffer(int capacity) {
    this.capacity = capacity;
  }

  /**
   * This buffer cleared, zeroed over what its last user wrote and retained for the caller, or null
   * when it is still in use or {@code needed} bytes would not fit.
   */
  ByteBuf lend(int needed) {
    ByteBuf lent = buffer;
    if (lent == null || lent.refCnt() == 0) {
      lent = UNTRACKED.directBuffer(capacity, capacity);
      buffer = lent;
    } else if (lent.refCnt() != 1 || needed > capacity) {
      return null;
    }
    int used = lent.writerIndex();
    if (used > 0) {
      lent.setZero(0, used);
    }
    lent.clear();
    return lent.retain();
  }

  /**
   * Zeroes and frees the buffer when its thread is done. A user still holding it (a command the
   * socket has not taken yet) frees it with its own release, after its bytes were sent.
   */
  private void free() {
    ByteBuf held = buffer;
    buffer = null;
    if (held == null || held.refCnt() == 0) {
      return;
    }
    if (held.refCnt() == 1) {
      held.setZero(0, held.capacity());
    }
    held.release();
  }

  /** Each thread's {@link LoopBuffer} of one kind. */
  static final class Lender extends FastThreadLocal<LoopBuffer> {

    private final int capacity;

    private Lender(int capacity) {
      this.capacity = capacity;
    }

    /** The calling thread's buffer, lent ({@link LoopBuffer#lend}), or null. */
    ByteBuf lend(int needed) {
      return get().lend(needed);
    }

    @Override
    protected LoopBuffer initialValue() {
      return new LoopBuffer(capacity);
    }

    @Override
    protected void onRemoval(LoopBuffer value) {
      value.free();
    }
  }
}

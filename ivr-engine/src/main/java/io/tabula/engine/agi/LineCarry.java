package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Holds the start of a line that a read cut off, until the rest arrives. It grows by hand instead
 * of through {@code ensureWritable}, because Netty's reallocation frees the old memory without
 * zeroing it and a reply line may hold a caller's digits. Every buffer it lets go is zeroed first.
 */
final class LineCarry {

  private static final int INITIAL_CAPACITY = 128;

  private final ByteBufAllocator allocator;
  private final int maxLineBytes;
  private ByteBuf buffer;

  LineCarry(ByteBufAllocator allocator, int maxLineBytes) {
    this.allocator = allocator;
    this.maxLineBytes = maxLineBytes;
  }

  boolean isEmpty() {
    return buffer == null || !buffer.isReadable();
  }

  int length() {
    return buffer == null ? 0 : buffer.readableBytes();
  }

  /**
   * Appends {@code count} bytes of {@code source} from {@code index}.
   *
   * @return false when the line would exceed the limit; nothing is appended then
   */
  boolean append(ByteBuf source, int index, int count) {
    if (length() + count > maxLineBytes) {
      return false;
    }
    ensureRoom(count);
    buffer.writeBytes(source, index, count);
    return true;
  }

  /** The carried bytes; valid until {@link #clear()}. */
  ByteBuf content() {
    return buffer;
  }

  /** Zeroes the carried bytes and keeps the buffer for the next partial line. */
  void clear() {
    if (buffer != null) {
      buffer.setZero(0, buffer.capacity());
      buffer.clear();
    }
  }

  /** Zeroes and releases the buffer; safe to call more than once. */
  void release() {
    if (buffer != null) {
      clear();
      buffer.release();
      buffer = null;
    }
  }

  private void ensureRoom(int count) {
    if (buffer == null) {
      buffer = allocator.directBuffer(Math.max(INITIAL_CAPACITY, count));
      return;
    }
    if (buffer.writableBytes() >= count) {
      return;
    }
    int wanted =
        Math.min(maxLineBytes, Math.max(buffer.capacity() * 2, buffer.readableBytes() + count));
    ByteBuf larger = allocator.directBuffer(wanted);
    larger.writeBytes(buffer, buffer.readerIndex(), buffer.readableBytes());
    buffer.setZero(0, buffer.capacity());
    buffer.release();
    buffer = larger;
  }
}

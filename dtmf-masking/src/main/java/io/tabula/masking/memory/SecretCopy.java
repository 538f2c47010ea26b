package io.tabula.masking.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A field's digits copied out of the call's memory into native memory that the caller owns and
 * zeroes by closing it. For work that may block, such as writing the digits into a database
 * driver's socket stream: that work must not run inside {@link SecretField#read}, where it would
 * hold up the zeroing of the call's memory at hangup. Native memory, unlike a {@code byte[]}, is
 * never moved by the garbage collector, so zeroing it leaves no copy behind.
 *
 * <p>Use it on the thread that made it, in try-with-resources:
 *
 * <pre>{@code
 * try (SecretCopy copy = field.copy()) {
 *   copy.writeTo(out); // may block; the call's memory can be released meanwhile
 * } // zeroed and freed here
 * }</pre>
 */
public final class SecretCopy implements AutoCloseable {

  private final Arena arena;
  private final MemorySegment digits;
  private final int length;
  private boolean open = true;

  private SecretCopy(Arena arena, MemorySegment digits, int length) {
    this.arena = arena;
    this.digits = digits;
    this.length = length;
  }

  /** Copies {@code length} bytes at {@code offset} of {@code source}; the caller holds the slot. */
  static SecretCopy of(MemorySegment source, long offset, int length) {
    Arena arena = Arena.ofConfined();
    MemorySegment digits = arena.allocate(Math.max(1, length));
    MemorySegment.copy(source, offset, digits, 0, length);
    return new SecretCopy(arena, digits, length);
  }

  public int length() {
    checkOpen();
    return length;
  }

  /** The ASCII digit at {@code index} ({@code '0'}..{@code '9'}). */
  public byte digitAt(int index) {
    checkOpen();
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside " + length + " digits");
    }
    return digits.get(ValueLayout.JAVA_BYTE, index);
  }

  /** Writes the ASCII digits to {@code out} one byte at a time, so no array of ours holds them. */
  public void writeTo(OutputStream out) throws IOException {
    checkOpen();
    for (int i = 0; i < length; i++) {
      out.write(digits.get(ValueLayout.JAVA_BYTE, i));
    }
  }

  /** Zeroes and frees the copy. Idempotent; on the thread that made the copy. */
  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    digits.fill((byte) 0);
    arena.close();
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("this copy of a secret field was closed (and zeroed)");
    }
  }

  @Override
  public String toString() {
    return "SecretCopy[" + length + " digits, masked]";
  }
}

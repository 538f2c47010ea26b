package io.tabula.masking.memory;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * A read-only view of a secret field's digits, valid only inside {@link SecretField#read}. It
 * offers the digits one at a time or written straight into an output buffer, never as a String.
 */
public final class SecretDigits {

  private final MemorySegment segment;
  private final long offset;
  private final int length;
  private boolean open = true;

  SecretDigits(MemorySegment segment, long offset, int length) {
    this.segment = segment;
    this.offset = offset;
    this.length = length;
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
    return segment.get(ValueLayout.JAVA_BYTE, offset + index);
  }

  /** The numeric value (0..9) of the digit at {@code index}. */
  public int valueAt(int index) {
    return digitAt(index) - '0';
  }

  /**
   * The number made of the first {@code count} digits, for prefix checks such as card IIN ranges
   * (an IIN is not secret: PCI DSS allows showing the first six or eight digits).
   */
  public int prefix(int count) {
    checkOpen();
    if (count > 9 || count > length) {
      throw new IllegalArgumentException("prefix of " + count + " from " + length + " digits");
    }
    int value = 0;
    for (int i = 0; i < count; i++) {
      value = value * 10 + valueAt(i);
    }
    return value;
  }

  /**
   * Writes the ASCII digits at the writer index of {@code target}. When the buffer has no room it
   * grows without leaving its old memory holding what was written before (see {@link
   * ZeroingGrowth}).
   */
  public void writeTo(ByteBuf target) {
    checkOpen();
    ZeroingGrowth.ensureWritable(target, length);
    for (int i = 0; i < length; i++) {
      target.writeByte(segment.get(ValueLayout.JAVA_BYTE, offset + i));
    }
  }

  /** Writes the ASCII digits at the position of {@code target}. */
  public void writeTo(ByteBuffer target) {
    checkOpen();
    MemorySegment.copy(segment, offset, MemorySegment.ofBuffer(target), 0, length);
    target.position(target.position() + length);
  }

  /** Equal length and equal digits, compared without an early exit. */
  public boolean contentEquals(SecretDigits other) {
    checkOpen();
    other.checkOpen();
    if (length != other.length) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |=
          segment.get(ValueLayout.JAVA_BYTE, offset + i)
              ^ other.segment.get(ValueLayout.JAVA_BYTE, other.offset + i);
    }
    return difference == 0;
  }

  void close() {
    open = false;
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException(
          "a SecretDigits view is valid only inside the read callback that received it");
    }
  }

  @Override
  public String toString() {
    return "SecretDigits[" + length + " digits, masked]";
  }
}

package io.tabula.masking.memory;

import io.netty.buffer.ByteBuf;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.card.Luhn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * One named field of a call's secret memory: a card number, an expiry, a CVC, a PIN, an account
 * number. It holds ASCII digits off the heap and never hands them out as a {@link String}, a {@code
 * char[]} or a boxed value.
 *
 * <p>Digits come in one byte at a time or straight from a network buffer region. The helpers answer
 * what a flow needs to know without exposing the digits: length, Luhn validity, brand, last four,
 * equality with another field. Anything else reads through {@link #read(Function)}, whose view is
 * valid only inside the callback.
 */
public final class SecretField {

  private final CallMemory owner;
  private final String name;
  private final long offset;
  private final int capacity;
  private int length;

  SecretField(CallMemory owner, String name, long offset, int capacity) {
    this.owner = owner;
    this.name = name;
    this.offset = offset;
    this.capacity = capacity;
  }

  /** The field's name (never secret). */
  public String name() {
    return name;
  }

  /** The most digits this field holds. */
  public int capacity() {
    return capacity;
  }

  public int length() {
    owner.enter(this);
    try {
      return length;
    } finally {
      owner.exit();
    }
  }

  public boolean isEmpty() {
    return length() == 0;
  }

  public boolean isFull() {
    return length() == capacity;
  }

  /** Appends one ASCII digit ({@code '0'}..{@code '9'}). */
  public void append(byte asciiDigit) {
    owner.enter(this);
    try {
      requireDigit(asciiDigit);
      requireRoom(1);
      owner.segment().set(ValueLayout.JAVA_BYTE, offset + length, asciiDigit);
      length++;
    } finally {
      owner.exit();
    }
  }

  /**
   * Appends {@code count} ASCII digits from {@code source} starting at {@code index}, without
   * moving the buffer's reader index and without copying them anywhere else. Nothing is appended if
   * any byte is not a digit or the field has no room for all of them.
   *
   * @return the number of digits appended
   */
  public int appendFrom(ByteBuf source, int index, int count) {
    owner.enter(this);
    try {
      requireRoom(count);
      for (int i = 0; i < count; i++) {
        requireDigit(source.getByte(index + i));
      }
      MemorySegment target = owner.segment();
      for (int i = 0; i < count; i++) {
        target.set(ValueLayout.JAVA_BYTE, offset + length + i, source.getByte(index + i));
      }
      length += count;
      return count;
    } finally {
      owner.exit();
    }
  }

  /**
   * Appends every remaining byte of {@code source} (all must be digits) and advances its position.
   *
   * @return the number of digits appended
   */
  public int appendFrom(ByteBuffer source) {
    owner.enter(this);
    try {
      int count = source.remaining();
      requireRoom(count);
      int start = source.position();
      for (int i = 0; i < count; i++) {
        requireDigit(source.get(start + i));
      }
      MemorySegment.copy(
          MemorySegment.ofBuffer(source), 0, owner.segment(), offset + length, count);
      source.position(start + count);
      length += count;
      return count;
    } finally {
      owner.exit();
    }
  }

  /** Zeroes the field now, before the call ends (for example right after a payment's outcome). */
  public void clear() {
    owner.enter(this);
    try {
      owner.segment().asSlice(offset, capacity).fill((byte) 0);
      length = 0;
    } finally {
      owner.exit();
    }
  }

  /**
   * Lets {@code reader} see the digits. The view must not escape the callback: it stops working
   * when the callback returns. The callback must not block (no socket or file I/O, no waiting): a
   * release at hangup that finds a reader inside leaves the zeroing to that reader, so a blocked
   * callback keeps the digits in memory for as long as it blocks. For blocking work take a {@link
   * #copy()}.
   */
  public <R> R read(Function<SecretDigits, R> reader) {
    owner.enter(this);
    SecretDigits view = new SecretDigits(owner.segment(), offset, length);
    try {
      return reader.apply(view);
    } finally {
      view.close();
      owner.exit();
    }
  }

  /**
   * The digits copied into native memory the caller owns, for work that may block (writing them to
   * a socket). Close the copy to zero it; until then the call's memory can be released and zeroed
   * at any time without waiting for that work.
   */
  public SecretCopy copy() {
    owner.enter(this);
    try {
      return SecretCopy.of(owner.segment(), offset, length);
    } finally {
      owner.exit();
    }
  }

  public boolean luhnValid() {
    return read(Luhn::isValid);
  }

  public CardBrand brand() {
    return read(CardBrand::of);
  }

  /**
   * The last four digits, which PCI DSS allows to be shown and spoken ("card ending in 4242").
   *
   * @throws IllegalStateException when the field holds fewer than eight digits, where the last four
   *     would be most of the secret
   */
  public String lastFour() {
    return read(
        digits -> {
          if (digits.length() < 8) {
            throw new IllegalStateException(
                "field '" + name + "' is too short to show its last four digits");
          }
          char[] four = new char[4];
          for (int i = 0; i < 4; i++) {
            four[i] = (char) digits.digitAt(digits.length() - 4 + i);
          }
          return new String(four);
        });
  }

  /** Compares the digits of two fields in constant time for a given length. */
  public boolean contentEquals(SecretField other) {
    return read(mine -> other.read(mine::contentEquals));
  }

  private void requireDigit(byte value) {
    if (value < '0' || value > '9') {
      throw new SecretFieldException(
          SecretFieldException.Reason.NOT_A_DIGIT,
          "field '" + name + "' accepts only the digits 0-9");
    }
  }

  private void requireRoom(int count) {
    if (count < 0 || length + count > capacity) {
      throw new SecretFieldException(
          SecretFieldException.Reason.FIELD_FULL,
          "field '" + name + "' holds at most " + capacity + " digits");
    }
  }

  /** Shows the name and the length only, for example {@code pan[16 digits, masked]}. */
  @Override
  public String toString() {
    if (owner.isReleased()) {
      return name + "[released]";
    }
    return name + "[" + length + " digits, masked]";
  }
}

package io.tabula.engine.pbx;

import java.util.Arrays;

/**
 * Keys a caller pressed, held in a {@code char[]} that is zeroed once they are used, never in a
 * {@link String}: keyed at a terminal they may be a real card number. Scripts that already hold
 * their keys as text use {@link #of(String)}; the softphone hands over the array it read into with
 * {@link #taking(char[], int)}.
 *
 * <pre>{@code
 * KeyPresses keys = KeyPresses.taking(typed, count); // typed is the caller's, now ours
 * ...
 * keys.wipe(); // the PBX does this when the keys are used up or the call ends
 * }</pre>
 */
public final class KeyPresses {

  private final char[] keys;
  private final int length;
  private boolean wiped;

  private KeyPresses(char[] keys, int length) {
    for (int i = 0; i < length; i++) {
      if (!isKey(keys[i])) {
        Arrays.fill(keys, '\0');
        throw new IllegalArgumentException("keys are DTMF keys 0-9 * # A-D");
      }
    }
    this.keys = keys;
    this.length = length;
  }

  /** Keys from a script's text (test and demo data, never a caller's typing). */
  public static KeyPresses of(String keys) {
    return new KeyPresses(keys.toCharArray(), keys.length());
  }

  /** Takes ownership of the first {@code length} chars of {@code keys}; they are zeroed on wipe. */
  public static KeyPresses taking(char[] keys, int length) {
    return new KeyPresses(keys, length);
  }

  static boolean isKey(char c) {
    return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
  }

  public int length() {
    return length;
  }

  public char keyAt(int index) {
    if (wiped) {
      throw new IllegalStateException("these key presses were used up and zeroed");
    }
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("key " + index + " of " + length);
    }
    return keys[index];
  }

  /** Zeroes the keys. Idempotent. */
  public void wipe() {
    Arrays.fill(keys, '\0');
    wiped = true;
  }

  public boolean isWiped() {
    return wiped;
  }

  /** Shows the number of keys only. */
  @Override
  public String toString() {
    return "KeyPresses[" + length + " keys]";
  }
}

package io.tabula.flows.port;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The engine's own id of one call: 128 random bits, written as 32 lower-case hex digits.
 *
 * <p>Asterisk's {@code agi_uniqueid} ({@code epoch.counter}) is unique only within one Asterisk and
 * arrives in an unauthenticated header, so two Asterisks (or a forged header) can repeat it.
 * Payment idempotency keys derive from this id instead, so no two calls on any engine ever share a
 * key.
 *
 * <p>The bits are kept as two longs and written out only when asked ({@link #hex()}: an idempotency
 * key, a journal record): the 32-digit string was two more objects for every call in progress.
 *
 * <pre>{@code
 * CallId id = CallId.random(secureRandom); // made once, where the engine opens the call
 * }</pre>
 *
 * @param high the first 64 bits (the first 16 hex digits)
 * @param low the last 64 bits
 */
public record CallId(long high, long low) {

  private static final HexFormat HEX = HexFormat.of();

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /**
   * The id written as {@code hex}.
   *
   * @param hex 32 lower-case hex digits
   * @throws IllegalArgumentException when {@code hex} is not 32 lower-case hex digits
   */
  public CallId(String hex) {
    this(bits(hex, 0), bits(hex, 16));
  }

  /**
   * A fresh id from {@code random}; pass one shared {@link SecureRandom}. One draw of 16 bytes: two
   * {@code nextLong()}s were four draws of 4 bytes, each with arrays of its own, for every call.
   */
  public static CallId random(SecureRandom random) {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    return new CallId((long) LONGS.get(bits, 0), (long) LONGS.get(bits, 8));
  }

  /** The id as 32 lower-case hex digits; a new string each time. */
  public String hex() {
    return HEX.toHexDigits(high) + HEX.toHexDigits(low);
  }

  @Override
  public String toString() {
    return hex();
  }

  private static long bits(String hex, int from) {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a call id is 32 lower-case hex digits (128 bits)");
    }
    return HexFormat.fromHexDigitsToLong(hex, from, from + 16);
  }
}

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
 * <pre>{@code
 * CallId id = CallId.random(secureRandom); // made once, where the engine opens the call
 * }</pre>
 *
 * @param hex 32 lower-case hex digits
 */
public record CallId(String hex) {

  private static final int BYTES = 16;

  public CallId {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a call id is 32 lower-case hex digits (128 bits)");
    }
  }

  /** A fresh id from {@code random}; pass one shared {@link SecureRandom}. */
  public static CallId random(SecureRandom random) {
    byte[] bits = new byte[BYTES];
    random.nextBytes(bits);
    return new CallId(HexFormat.of().formatHex(bits));
  }

  @Override
  public String toString() {
    return hex;
  }
}

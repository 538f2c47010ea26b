package io.tabula.connectors.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes a charge safe to resend: the processor answers a repeated key with the first
 * answer instead of charging again.
 *
 * <p>It is derived from the call's unique id and the caller's attempt number only (never from card
 * data), so a retry of the same attempt after a timeout reuses the key, and a new attempt (for
 * example another card after a decline) gets a new one.
 *
 * <pre>{@code
 * IdempotencyKey key = IdempotencyKey.forAttempt(call.uniqueId(), 1);
 * }</pre>
 */
public record IdempotencyKey(String value) {

  public IdempotencyKey {
    if (value == null || !value.matches("[A-Za-z0-9_:\\-]{8,255}")) {
      throw new IllegalArgumentException(
          "an idempotency key is 8..255 characters of letters, digits, '_', ':' or '-'");
    }
  }

  /** A key for attempt {@code attempt} (1, 2, ...) of the call {@code callUniqueId}. */
  public static IdempotencyKey forAttempt(String callUniqueId, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
    byte[] hash = sha256("tabula-payment/v1|" + callUniqueId + "|" + attempt);
    return new IdempotencyKey("tbl_" + HexFormat.of().formatHex(hash, 0, 20));
  }

  /** A key for one step of a multi-request charge, e.g. {@code key.forStep("pm")}. */
  public IdempotencyKey forStep(String step) {
    return new IdempotencyKey(value + ":" + step);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256; use a standard JDK", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

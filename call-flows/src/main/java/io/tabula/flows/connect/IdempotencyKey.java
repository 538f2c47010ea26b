package io.tabula.flows.connect;

import io.tabula.flows.port.CallId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key a payment connector sends with a charge so that a resent request never moves money twice.
 * It is derived from the engine's random call id, the pay step and the attempt number: a resend of
 * one attempt carries the same key, a caller who tries a second card gets a new one, and no two
 * calls on any engine behind any Asterisk share a key.
 *
 * <p>The value is what the processor stores ({@code tbl_} and 40 hex digits, letters and digits
 * only, so every processor accepts it) and what the reconciliation log line prints, so operations
 * can find the charge at the processor by it.
 *
 * <pre>{@code
 * IdempotencyKey key = IdempotencyKey.of(callInfo.callId(), "pay-ticket", 1);
 * key.value(); // "tbl_" + 40 hex digits
 * }</pre>
 */
public record IdempotencyKey(String value) {

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 255) {
      throw new IllegalArgumentException("an idempotency key has 1..255 characters");
    }
  }

  /** The key of attempt {@code attempt} (1, 2, ...) of step {@code stepId} in call {@code call}. */
  public static IdempotencyKey of(CallId call, String stepId, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
    byte[] hash = sha256("tabula-payment/v2|" + call.hex() + "|" + stepId + "|" + attempt);
    return new IdempotencyKey("tbl_" + HexFormat.of().formatHex(hash, 0, 20));
  }

  /**
   * Eight decimal digits derived from the key, short enough for a caller to note and read back to
   * an agent; the reconciliation log line pairs it with the full key.
   */
  public String checkCode() {
    byte[] hash = sha256("tabula-check/v1|" + value);
    long number =
        ((hash[0] & 0xffL) << 24 | (hash[1] & 0xffL) << 16 | (hash[2] & 0xffL) << 8)
            | (hash[3] & 0xffL);
    return String.format(java.util.Locale.ROOT, "%08d", number % 100_000_000L);
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

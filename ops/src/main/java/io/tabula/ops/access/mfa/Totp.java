package io.tabula.ops.access.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits: what every
 * authenticator app uses by default), RFC 4226 dynamic truncation.
 */
public final class Totp {

  /** Seconds per step (RFC 6238's X). */
  public static final long STEP_SECONDS = 30;

  private final String algorithm;
  private final int digits;

  private Totp(String algorithm, int digits) {
    this.algorithm = algorithm;
    this.digits = digits;
  }

  /** HMAC-SHA1, 6 digits. */
  public static Totp standard() {
    return new Totp("HmacSHA1", 6);
  }

  /** For RFC 6238's test vectors (8 digits, SHA-1/256/512). */
  static Totp of(String hmacAlgorithm, int digits) {
    return new Totp(hmacAlgorithm, digits);
  }

  public int digits() {
    return digits;
  }

  /** The step an instant falls in: floor(unix seconds / 30). */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of {@code step} as a number (format with leading zeros to {@link #digits()}). */
  public int code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, algorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fff_ffff;
      return binary % (int) Math.pow(10, digits);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks " + algorithm + "; use a standard JDK", e);
    }
  }

  /**
   * The step (of {@code now} and one either side, for clock drift) whose code is {@code code}, or
   * -1. The caller refuses a step at or before the last one used (replay).
   */
  public long matchingStep(byte[] secret, int code, Instant now) {
    long current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (code(secret, step) == code) {
        return step;
      }
    }
    return -1;
  }
}

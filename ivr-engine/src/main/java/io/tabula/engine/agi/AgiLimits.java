package io.tabula.engine.agi;

import java.time.Duration;

/**
 * Bounds on what Asterisk may send before the engine gives up on a connection.
 *
 * <pre>{@code
 * AgiLimits limits = AgiLimits.defaults().withMaxLineBytes(4096);
 * }</pre>
 *
 * @param maxLineBytes longest line accepted, LF excluded (default 8 KiB); longer closes the call
 * @param maxHeaderBytes largest {@code agi_*} block accepted (default 16 KiB)
 * @param headerTimeout how long a new connection may take to deliver its whole header block
 */
public record AgiLimits(int maxLineBytes, int maxHeaderBytes, Duration headerTimeout) {

  public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024;
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(5);

  public AgiLimits {
    if (maxLineBytes < 64 || maxHeaderBytes < maxLineBytes) {
      throw new IllegalArgumentException(
          "maxLineBytes must be at least 64 and maxHeaderBytes at least maxLineBytes");
    }
    if (headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw new IllegalArgumentException("headerTimeout must be positive");
    }
  }

  public static AgiLimits defaults() {
    return new AgiLimits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_HEADER_TIMEOUT);
  }

  public AgiLimits withMaxLineBytes(int bytes) {
    return new AgiLimits(bytes, Math.max(bytes, maxHeaderBytes), headerTimeout);
  }

  public AgiLimits withHeaderTimeout(Duration timeout) {
    return new AgiLimits(maxLineBytes, maxHeaderBytes, timeout);
  }
}

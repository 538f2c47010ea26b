package io.tabula.flows.port;

import java.time.Duration;

/**
 * How digits are collected.
 *
 * @param maxDigits the collect returns as soon as this many digits arrived
 * @param firstDigitTimeout how long to wait for the first digit after the prompt
 * @param interDigitTimeout how long to wait for each further digit
 * @param secure mute the recording while collecting (always on for card data and PINs)
 */
public record CollectOptions(
    int maxDigits, Duration firstDigitTimeout, Duration interDigitTimeout, boolean secure) {

  public CollectOptions {
    if (maxDigits < 1 || maxDigits > 64) {
      throw new IllegalArgumentException("maxDigits must be 1..64, was " + maxDigits);
    }
    if (firstDigitTimeout.isNegative()
        || firstDigitTimeout.isZero()
        || interDigitTimeout.isNegative()
        || interDigitTimeout.isZero()) {
      throw new IllegalArgumentException("collect timeouts must be positive");
    }
  }
}

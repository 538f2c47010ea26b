package io.tabula.engine.ami;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: doubling from {@code min} up to {@code max}, each with "equal jitter" (half
 * fixed, half random) so that engines restarted together do not hammer Asterisk in step.
 *
 * <p>Example: {@code new AmiBackoff(min, max).delay(3)} is between 4x and 8x {@code min}/2.
 */
record AmiBackoff(Duration min, Duration max) {

  /** The delay before attempt number {@code failures} (0 for the first retry). */
  Duration delay(int failures) {
    long ceiling = ceilingMillis(failures);
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  /** The un-jittered delay: min * 2^failures, capped at max. */
  long ceilingMillis(int failures) {
    long minMs = min.toMillis();
    int shift = Math.min(Math.max(failures, 0), 30);
    long grown = minMs << shift;
    return (grown < minMs || grown > max.toMillis()) ? max.toMillis() : grown;
  }
}

package io.tabula.masking.audio;

/**
 * How {@link RecordingScrubber} replaces key tones.
 *
 * @param guardMillis extra audio muted before and after each tone (its edges are known to about one
 *     analysis block, 12.75 ms; the default guard is 40 ms)
 * @param fill what replaces the tone
 * @param rawRate sample rate of raw (headerless) input; 0 takes it from the file extension
 */
public record ScrubOptions(int guardMillis, Fill fill, int rawRate) {

  /** Digital silence, or comfort noise at -65 dBm0 so a listener hears the line is still open. */
  public enum Fill {
    SILENCE,
    COMFORT_NOISE
  }

  public ScrubOptions {
    if (guardMillis < 0 || guardMillis > 1000) {
      throw new IllegalArgumentException("guard of " + guardMillis + " ms: use 0 to 1000 ms");
    }
  }

  public static ScrubOptions defaults() {
    return new ScrubOptions(40, Fill.SILENCE, 0);
  }
}

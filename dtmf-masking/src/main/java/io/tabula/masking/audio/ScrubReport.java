package io.tabula.masking.audio;

/**
 * What a scrub did: samples read, key tones replaced, samples replaced, and how long it took.
 *
 * @param elapsedNanos wall-clock time of the whole scrub (reading, detecting, writing)
 */
public record ScrubReport(
    AudioFormat format, long samples, int tones, long mutedSamples, long elapsedNanos) {

  public double audioSeconds() {
    return (double) samples / format.sampleRate();
  }

  /** Seconds of audio processed per second of wall-clock time. */
  public double timesRealTime() {
    return elapsedNanos == 0 ? 0 : audioSeconds() / (elapsedNanos / 1e9);
  }
}

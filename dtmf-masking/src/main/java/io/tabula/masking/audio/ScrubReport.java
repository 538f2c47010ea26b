package io.tabula.masking.audio;

/**
 * What a scrub did: samples read, key tones replaced, samples replaced, and how long it took.
 *
 * @param tones key tones a Q.24 receiver accepts
 * @param residues dual tones on the DTMF grid a decoder could read (Q.24 keys included: the
 *     sensitive detector finds them too)
 * @param elapsedNanos wall-clock time of the whole scrub (reading, detecting, writing)
 */
public record ScrubReport(
    AudioFormat format,
    long samples,
    int tones,
    int residues,
    long mutedSamples,
    long elapsedNanos) {

  public double audioSeconds() {
    return (double) samples / format.sampleRate();
  }

  /** Seconds of audio processed per second of wall-clock time. */
  public double timesRealTime() {
    return elapsedNanos == 0 ? 0 : audioSeconds() / (elapsedNanos / 1e9);
  }
}

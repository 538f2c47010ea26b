package io.tabula.masking.detect;

/**
 * What a {@link ResidueDetector} treats as DTMF a decoder could still read. Far wider than {@link
 * DetectorConfig#q24 Q.24}: a Q.24 receiver must reject tones that are too short, too weak, too
 * twisted or too far off frequency, but an attacker's decoder need not, so a scrubber that removes
 * only what Q.24 accepts leaves digits behind.
 *
 * @param sampleRate samples per second of the audio (8000 or 16000)
 * @param minLevelDbm0 the weakest tone, per frequency, that counts
 * @param maxTwistDb how much weaker either tone may be than the other
 * @param gatePurity the share of a 10 ms block's energy the two strongest DTMF filters must carry
 *     before the exact fit is tried (a cheap first look; short blocks blur speech into tones)
 * @param fitPurity the share of an 8 ms window's energy two sinusoids, each within {@code
 *     frequencyTolerance} of a DTMF frequency, must explain: a dual tone explains nearly all of it
 *     (0.986 and more for every tone of the test corpus), speech and music rarely do
 * @param noisyFitPurity the share of a 16 ms window's energy the two sinusoids must explain: longer
 *     windows tell a voice's harmonics apart, so a lower share is safe there, and it lets a tone of
 *     20 ms or more be found under noise only a few dB weaker than itself
 * @param frequencyTolerance how far from nominal the fit looks for each frequency (0.05 = 5 %)
 * @param minWindows how many fitting windows, 0.5 ms apart, a residue needs (a 10 ms tone fills
 *     four)
 */
public record ResidueConfig(
    int sampleRate,
    double minLevelDbm0,
    double maxTwistDb,
    double gatePurity,
    double fitPurity,
    double noisyFitPurity,
    double frequencyTolerance,
    int minWindows) {

  public ResidueConfig {
    if (sampleRate != 8000 && sampleRate != 16000) {
      throw new IllegalArgumentException(
          "DTMF residue detection needs 8000 or 16000 samples per second, not " + sampleRate);
    }
    if (minWindows < 1) {
      throw new IllegalArgumentException("a residue needs 1 or more windows, not " + minWindows);
    }
  }

  /**
   * The scrubber's criterion: any dual tone on the DTMF grid down to -45 dBm0 per tone (and the
   * weaker tone 8 dB below that) and 10 ms, with up to 14 dB of twist either way and frequencies up
   * to 5 % off nominal.
   */
  public static ResidueConfig sensitive(int sampleRate) {
    return new ResidueConfig(sampleRate, -56, 14, 0.35, 0.97, 0.85, 0.05, 2);
  }

  /** Samples per half analysis block of the gate: 5 ms, so a block is 10 ms and hops by half. */
  int halfBlock() {
    return 40 * sampleRate / 8000;
  }

  /** Samples per fitting window: 8 ms. */
  int fitWindow() {
    return 64 * sampleRate / 8000;
  }

  /** Samples per long fitting window: 16 ms. */
  int longFitWindow() {
    return 128 * sampleRate / 8000;
  }

  /** Samples between long fitting windows: 1 ms. */
  int longFitStep() {
    return 8 * sampleRate / 8000;
  }

  /** Samples between fitting windows: 0.5 ms, so a 10 ms tone holds at least four whole windows. */
  int fitStep() {
    return 4 * sampleRate / 8000;
  }
}

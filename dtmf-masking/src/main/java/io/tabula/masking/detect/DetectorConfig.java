package io.tabula.masking.detect;

/**
 * What a {@link DtmfDetector} accepts as a key tone. The defaults follow ITU-T Q.24: frequencies
 * within 1.5 % of nominal are accepted and those off by 3.5 % or more are rejected (the decision
 * line is at 2.5 %), tones of 40 ms are accepted, each frequency down to -25 dBm0 (the threshold
 * sits at -31 dBm0 so that an offset tone still clears it), normal twist (high group weaker) up to
 * 8 dB and reverse twist up to 4 dB. The twist limits carry headroom (11 and 6 dB) because a tone
 * 1.5 % off nominal loses up to 2 dB in a 12.75 ms block, and the standard's twist is measured on
 * the tones, not on a filter's output.
 *
 * @param sampleRate samples per second of the audio (8000 or 16000)
 * @param minLevelDbm0 the weakest tone level, per frequency, that counts
 * @param normalTwistDb how much weaker the high-group tone may be
 * @param reverseTwistDb how much stronger the high-group tone may be
 * @param frequencyTolerance the largest accepted relative frequency error (0.025 = 2.5 %)
 * @param minBlocks consecutive analysis blocks a tone must fill (3 blocks = 25.5 ms of tone)
 * @param purity the share of the signal's energy the two tones must carry (talk-off guard)
 */
public record DetectorConfig(
    int sampleRate,
    double minLevelDbm0,
    double normalTwistDb,
    double reverseTwistDb,
    double frequencyTolerance,
    int minBlocks,
    double purity) {

  public DetectorConfig {
    if (sampleRate != 8000 && sampleRate != 16000) {
      throw new IllegalArgumentException(
          "DTMF detection needs 8000 or 16000 samples per second, not " + sampleRate);
    }
  }

  /** Q.24 defaults for audio at {@code sampleRate}. */
  public static DetectorConfig q24(int sampleRate) {
    return new DetectorConfig(sampleRate, -31, 11, 6, 0.025, 3, 0.6);
  }

  /** Samples per half analysis block: 6.375 ms, so a block is 12.75 ms and hops by half. */
  int halfBlock() {
    return 51 * sampleRate / 8000;
  }

  public DetectorConfig withSampleRate(int rate) {
    return new DetectorConfig(
        rate, minLevelDbm0, normalTwistDb, reverseTwistDb, frequencyTolerance, minBlocks, purity);
  }
}

package io.tabula.masking.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector against ITU-T Q.24 on a synthetic corpus: every key at a range of levels, twists,
 * durations and frequency offsets, clean and in white noise. Prints the figures the auditors'
 * documentation quotes.
 */
class DtmfAccuracyTest {

  private static final double[] WEAKER_TONE_DBM0 = {-25, -18, -10};

  /** High group minus low group, dB: negative is normal twist, positive reverse. */
  private static final double[] TWISTS_DB = {-8, -4, 0, 2, 4};

  private static final int[] MILLIS = {40, 60, 100};
  private static final double[][] OFFSETS = {
    {0, 0}, {0.015, 0.015}, {-0.015, -0.015}, {0.015, -0.015}, {-0.015, 0.015}
  };
  private static final double[] NOISE_SNR_DB = {Double.NaN, 20, 12};

  @ParameterizedTest(name = "{0} samples/s")
  @ValueSource(ints = {8000, 16000})
  void detectsAtLeast999PerMilleOfValidTones(int sampleRate) {
    int tones = 0;
    int correct = 0;
    int wrong = 0;
    int extra = 0;
    for (double snr : NOISE_SNR_DB) {
      CorpusRun.Outcome outcome = new CorpusRun(sampleRate, 60, snr).run(validTones(), 7);
      System.out.printf(
          "Q.24 valid tones, %d samples/s, noise %s: %d/%d detected, %d wrong key, %d extra%n",
          sampleRate,
          Double.isNaN(snr) ? "none" : "SNR " + snr + " dB",
          outcome.correct(),
          outcome.tones(),
          outcome.wrongKey(),
          outcome.extra());
      outcome.misses().stream().limit(8).forEach(m -> System.out.println("  missed " + m));
      tones += outcome.tones();
      correct += outcome.correct();
      wrong += outcome.wrongKey();
      extra += outcome.extra();
    }
    System.out.printf(
        "Q.24 valid tones, %d samples/s: %.3f %% detected (%d of %d)%n",
        sampleRate, 100.0 * correct / tones, correct, tones);
    assertThat((double) correct / tones).isGreaterThanOrEqualTo(0.999);
    assertThat(wrong).isZero();
    assertThat(extra).isZero();
  }

  @ParameterizedTest(name = "{0} samples/s")
  @ValueSource(ints = {8000, 16000})
  void detectsNoOutOfSpecTone(int sampleRate) {
    int tones = 0;
    int detections = 0;
    for (double snr : new double[] {Double.NaN, 20}) {
      List<ToneSpec> specs = outOfSpecTones();
      CorpusRun.Outcome outcome = new CorpusRun(sampleRate, 60, snr).run(specs, 11);
      int found = outcome.tones() - outcome.missed() + outcome.wrongKey() + outcome.extra();
      System.out.printf(
          "Q.24 out-of-spec tones, %d samples/s, noise %s: %d detections in %d tones%n",
          sampleRate, Double.isNaN(snr) ? "none" : "SNR " + snr + " dB", found, outcome.tones());
      tones += outcome.tones();
      detections += found;
    }
    System.out.printf(
        "Q.24 out-of-spec tones, %d samples/s: %d detections in %d tones%n",
        sampleRate, detections, tones);
    assertThat(detections).isZero();
  }

  static List<ToneSpec> validTones() {
    List<ToneSpec> specs = new ArrayList<>();
    for (DtmfKey key : DtmfKey.values()) {
      for (double weaker : WEAKER_TONE_DBM0) {
        for (double twist : TWISTS_DB) {
          double row = twist >= 0 ? weaker : weaker - twist;
          double column = twist >= 0 ? weaker + twist : weaker;
          for (int millis : MILLIS) {
            for (double[] offset : OFFSETS) {
              specs.add(new ToneSpec(key, row, column, offset[0], offset[1], millis));
            }
          }
        }
      }
    }
    return specs;
  }

  /** Off by 3.5 % or more on one or both frequencies, too weak, or twisted beyond the limits. */
  static List<ToneSpec> outOfSpecTones() {
    List<ToneSpec> specs = new ArrayList<>();
    double[] offsets = {-0.045, -0.035, 0.035, 0.045};
    for (DtmfKey key : DtmfKey.values()) {
      for (int millis : new int[] {40, 100, 300}) {
        for (double level : new double[] {-20, -5}) {
          for (double off : offsets) {
            specs.add(new ToneSpec(key, level, level, off, 0, millis));
            specs.add(new ToneSpec(key, level, level, 0, off, millis));
            specs.add(new ToneSpec(key, level, level, off, off, millis));
            specs.add(new ToneSpec(key, level, level, off, -off, millis));
          }
        }
        specs.add(new ToneSpec(key, -40, -40, 0, 0, millis));
        specs.add(new ToneSpec(key, -5, -19, 0, 0, millis));
        specs.add(new ToneSpec(key, -15, -5, 0, 0, millis));
      }
    }
    return specs;
  }
}

package io.tabula.masking.detect;

import java.util.Random;
import java.util.SplittableRandom;

/** Writes synthetic DTMF tones, silence and white noise into 16-bit sample buffers. */
final class ToneSynth {

  private final int sampleRate;
  private final SplittableRandom random;
  private final Random gaussian;

  ToneSynth(int sampleRate, long seed) {
    this.sampleRate = sampleRate;
    this.random = new SplittableRandom(seed);
    this.gaussian = new Random(seed);
  }

  int samples(int millis) {
    return millis * sampleRate / 1000;
  }

  /** Adds the tone at {@code offset} into {@code target} (which may hold noise already). */
  void addTone(double[] target, int offset, ToneSpec spec) {
    int count = samples(spec.millis());
    double rowHz = spec.key().rowHz() * (1 + spec.rowOffset());
    double columnHz = spec.key().columnHz() * (1 + spec.columnOffset());
    double rowPeak = Dbm0.peak(spec.rowDbm0());
    double columnPeak = Dbm0.peak(spec.columnDbm0());
    double rowPhase = random.nextDouble() * 2 * Math.PI;
    double columnPhase = random.nextDouble() * 2 * Math.PI;
    for (int i = 0; i < count; i++) {
      double t = (double) i / sampleRate;
      target[offset + i] +=
          rowPeak * Math.sin(2 * Math.PI * rowHz * t + rowPhase)
              + columnPeak * Math.sin(2 * Math.PI * columnHz * t + columnPhase);
    }
  }

  /** Adds white Gaussian noise of {@code rms} to the whole buffer. */
  void addNoise(double[] target, double rms) {
    if (rms <= 0) {
      return;
    }
    for (int i = 0; i < target.length; i++) {
      target[i] += gaussian.nextGaussian() * rms;
    }
  }

  static short[] toPcm(double[] signal) {
    short[] pcm = new short[signal.length];
    for (int i = 0; i < signal.length; i++) {
      pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(signal[i])));
    }
    return pcm;
  }
}

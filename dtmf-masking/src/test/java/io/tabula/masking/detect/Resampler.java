package io.tabula.masking.detect;

/**
 * Band-limited resampling by a rational factor with a Blackman-windowed sinc (32 taps each side),
 * for bringing espeak-ng's 22,050 Hz speech to telephony rates. The filter is tabulated per phase
 * (the output grid repeats its position against the input every {@code toRate / gcd} samples), so
 * resampling an hour of speech takes seconds.
 */
final class Resampler {

  private static final int HALF_TAPS = 32;

  private Resampler() {}

  static short[] resample(short[] input, int fromRate, int toRate) {
    int gcd = gcd(fromRate, toRate);
    int up = toRate / gcd;
    int down = fromRate / gcd;
    double[][] phases = table(up, down, fromRate, toRate);
    int length = (int) ((long) input.length * up / down);
    short[] output = new short[length];
    for (int n = 0; n < length; n++) {
      long position = (long) n * down;
      int base = (int) (position / up) - HALF_TAPS + 1;
      double[] taps = phases[(int) (position % up)];
      double sum = 0;
      for (int t = 0; t < taps.length; t++) {
        int k = base + t;
        if (k >= 0 && k < input.length) {
          sum += input[k] * taps[t];
        }
      }
      output[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
    }
    return output;
  }

  private static double[][] table(int up, int down, int fromRate, int toRate) {
    double cutoff = 0.9 * Math.min(1.0, (double) toRate / fromRate);
    double[][] phases = new double[up][2 * HALF_TAPS];
    for (int p = 0; p < up; p++) {
      double fraction = (double) p / up;
      for (int t = 0; t < 2 * HALF_TAPS; t++) {
        double x = (t - HALF_TAPS + 1) - fraction;
        phases[p][t] = cutoff * sinc(cutoff * x) * blackman(x / HALF_TAPS);
      }
    }
    return phases;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Blackman window over [-1, 1]. */
  private static double blackman(double x) {
    if (Math.abs(x) >= 1) {
      return 0;
    }
    double t = (x + 1) / 2;
    return 0.42 - 0.5 * Math.cos(2 * Math.PI * t) + 0.08 * Math.cos(4 * Math.PI * t);
  }
}

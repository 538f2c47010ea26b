package io.tabula.ops.prompts;

/**
 * Changes a signal's sample rate by band-limited interpolation: each output sample is the input
 * convolved with a Hann-windowed sinc whose cut-off sits just below the lower of the two Nyquist
 * frequencies, so going from 48 kHz to 8 kHz removes everything above about 3.7 kHz first instead
 * of folding it back into the telephone band as noise.
 */
final class Resampler {

  /** Zero crossings of the sinc on each side: a sharper cut-off for more work. */
  private static final int ZERO_CROSSINGS = 16;

  /** Where the pass band ends, as a fraction of the output's Nyquist frequency. */
  private static final double PASS = 0.92;

  private Resampler() {}

  static float[] resample(float[] in, int inRate, int outRate) {
    if (inRate == outRate) {
      return in;
    }
    double step = (double) inRate / outRate;
    // Cut-off in cycles per input sample.
    double cutoff = 0.5 * Math.min(1.0, (double) outRate / inRate) * PASS;
    double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    int outLength = (int) Math.floor(in.length / step);
    float[] out = new float[outLength];
    for (int n = 0; n < outLength; n++) {
      double centre = n * step;
      int from = Math.max(0, (int) Math.ceil(centre - halfWidth));
      int to = Math.min(in.length - 1, (int) Math.floor(centre + halfWidth));
      double sum = 0;
      for (int k = from; k <= to; k++) {
        double x = k - centre;
        sum += in[k] * kernel(x, cutoff, halfWidth);
      }
      out[n] = (float) sum;
    }
    return out;
  }

  private static double kernel(double x, double cutoff, double halfWidth) {
    double window = 0.5 + 0.5 * Math.cos(Math.PI * x / halfWidth);
    double arg = 2 * cutoff * x;
    double sinc = arg == 0 ? 1.0 : Math.sin(Math.PI * arg) / (Math.PI * arg);
    return 2 * cutoff * sinc * window;
  }
}

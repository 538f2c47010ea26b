package io.tabula.masking.detect;

/**
 * Eight Goertzel filters, one per DTMF frequency, run over half blocks of samples. After each half
 * block it holds each frequency's complex DFT value for the last full block (the last two halves),
 * so blocks overlap by half at the cost of one filter update per frequency and sample.
 *
 * <p>Complex values, not only energies, are kept: the phase advance between two overlapping blocks
 * measures how far a tone is off its nominal frequency, which is how the detector tells a tone 1.5
 * % off (accept) from one 3.5 % off (reject) within 40 ms.
 */
final class GoertzelBank {

  static final int TONES = 8;

  private final int half;
  private final double[] omega = new double[TONES];
  private final double[] coefficient = new double[TONES];
  private final double[] cos = new double[TONES];
  private final double[] sin = new double[TONES];
  private final double[] hopRe = new double[TONES];
  private final double[] hopIm = new double[TONES];
  private final double[] s1 = new double[TONES];
  private final double[] s2 = new double[TONES];
  private final double[] halfRe = new double[TONES];
  private final double[] halfIm = new double[TONES];
  private final double[] previousHalfRe = new double[TONES];
  private final double[] previousHalfIm = new double[TONES];

  /** The last full block's DFT values, per frequency. */
  final double[] blockRe = new double[TONES];

  final double[] blockIm = new double[TONES];

  /** The last full block's energy (sum of squared samples). */
  double blockEnergy;

  private int filled;
  private double halfEnergy;
  private double previousHalfEnergy;
  private boolean havePreviousHalf;

  GoertzelBank(int sampleRate, int half) {
    this.half = half;
    for (int f = 0; f < TONES; f++) {
      double hz = f < 4 ? DtmfKey.ROW_HZ[f] : DtmfKey.COLUMN_HZ[f - 4];
      omega[f] = 2 * Math.PI * hz / sampleRate;
      coefficient[f] = 2 * Math.cos(omega[f]);
      cos[f] = Math.cos(omega[f]);
      sin[f] = Math.sin(omega[f]);
      hopRe[f] = Math.cos(-omega[f] * half);
      hopIm[f] = Math.sin(-omega[f] * half);
    }
  }

  int blockLength() {
    return 2 * half;
  }

  int halfLength() {
    return half;
  }

  /** The nominal phase advance of frequency {@code f} over one hop (half a block). */
  double nominalHopPhase(int f) {
    return omega[f] * half;
  }

  /**
   * Feeds samples from {@code offset} until {@code end} or the end of a half block.
   *
   * @return the index of the first sample not consumed; when a half block completed and a full
   *     block is ready, {@link #blockReady()} is true until the next call
   */
  int feed(short[] samples, int offset, int end) {
    int stop = Math.min(end, offset + (half - filled));
    double e = halfEnergy;
    for (int i = offset; i < stop; i++) {
      double x = samples[i];
      e += x * x;
      for (int f = 0; f < TONES; f++) {
        double s0 = x + coefficient[f] * s1[f] - s2[f];
        s2[f] = s1[f];
        s1[f] = s0;
      }
    }
    halfEnergy = e;
    filled += stop - offset;
    ready = false;
    if (filled == half) {
      completeHalf();
    }
    return stop;
  }

  private boolean ready;

  boolean blockReady() {
    return ready;
  }

  private void completeHalf() {
    for (int f = 0; f < TONES; f++) {
      // Goertzel's output, off by a constant phase per frequency that cancels in every use.
      halfRe[f] = s1[f] - cos[f] * s2[f];
      halfIm[f] = sin[f] * s2[f];
      s1[f] = 0;
      s2[f] = 0;
    }
    if (havePreviousHalf) {
      for (int f = 0; f < TONES; f++) {
        blockRe[f] = previousHalfRe[f] + halfRe[f] * hopRe[f] - halfIm[f] * hopIm[f];
        blockIm[f] = previousHalfIm[f] + halfRe[f] * hopIm[f] + halfIm[f] * hopRe[f];
      }
      blockEnergy = previousHalfEnergy + halfEnergy;
      ready = true;
    }
    System.arraycopy(halfRe, 0, previousHalfRe, 0, TONES);
    System.arraycopy(halfIm, 0, previousHalfIm, 0, TONES);
    previousHalfEnergy = halfEnergy;
    havePreviousHalf = true;
    halfEnergy = 0;
    filled = 0;
  }

  double power(int f) {
    return blockRe[f] * blockRe[f] + blockIm[f] * blockIm[f];
  }
}

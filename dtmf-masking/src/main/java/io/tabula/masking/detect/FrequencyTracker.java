package io.tabula.masking.detect;

/**
 * Measures how far a candidate tone's two frequencies are from nominal. Each pair of consecutive
 * blocks adds the product of their DFT values; the phase of the sum, less the nominal advance, is
 * the mean frequency error over the tone. Summing vectors rather than angles weights strong blocks
 * more and averages out what leaks in from the other tone.
 */
final class FrequencyTracker {

  private final GoertzelBank bank;
  private final int sampleRate;
  private final double[] lastRe = new double[GoertzelBank.TONES];
  private final double[] lastIm = new double[GoertzelBank.TONES];
  private double rowRe;
  private double rowIm;
  private double columnRe;
  private double columnIm;
  private int pairs;
  private boolean haveLast;

  FrequencyTracker(GoertzelBank bank, int sampleRate) {
    this.bank = bank;
    this.sampleRate = sampleRate;
  }

  void reset() {
    rowRe = rowIm = columnRe = columnIm = 0;
    pairs = 0;
    haveLast = false;
  }

  /** Adds the bank's current block for {@code key}; the previous block must have held it too. */
  void add(DtmfKey key) {
    int row = key.row();
    int column = 4 + key.column();
    if (haveLast) {
      rowRe += re(row);
      rowIm += im(row);
      columnRe += re(column);
      columnIm += im(column);
      pairs++;
    }
    System.arraycopy(bank.blockRe, 0, lastRe, 0, GoertzelBank.TONES);
    System.arraycopy(bank.blockIm, 0, lastIm, 0, GoertzelBank.TONES);
    haveLast = true;
  }

  /** A block that missed breaks the chain of pairs without ending the tone. */
  void gap() {
    haveLast = false;
  }

  int pairs() {
    return pairs;
  }

  /** The larger relative frequency error of the two tones (0.01 = 1 %). */
  double worstRelativeError(DtmfKey key) {
    double row = relativeError(rowRe, rowIm, key.row(), key.rowHz());
    double column = relativeError(columnRe, columnIm, 4 + key.column(), key.columnHz());
    return Math.max(Math.abs(row), Math.abs(column));
  }

  private double relativeError(double re, double im, int f, double hz) {
    double advance = Math.atan2(im, re) - bank.nominalHopPhase(f);
    double wrapped = Math.IEEEremainder(advance, 2 * Math.PI);
    double errorHz = wrapped * sampleRate / (2 * Math.PI * bank.halfLength());
    return errorHz / hz;
  }

  // The product of the current block and the conjugate of the last one.
  private double re(int f) {
    return bank.blockRe[f] * lastRe[f] + bank.blockIm[f] * lastIm[f];
  }

  private double im(int f) {
    return bank.blockIm[f] * lastRe[f] - bank.blockRe[f] * lastIm[f];
  }
}

package io.tabula.masking.detect;

/**
 * Fits two sinusoids, one near a low-group and one near a high-group DTMF frequency, to a short
 * window of samples by least squares, and says how much of the window's energy they explain. A dual
 * tone is explained almost entirely, whatever its twist and however far off nominal (within the
 * searched range); speech, whose energy spreads over many harmonics, and chords of three or more
 * notes are not. Unlike filter energies over a short block, the fit does not blur neighbouring
 * harmonics into the tone: that is what lets the residue detector reach 10 ms tones without muting
 * speech.
 *
 * <p>How: each frequency is searched on a grid (0.5 % steps within the tolerance of every DTMF
 * frequency) by correlation; the best of each group then enter a joint four-parameter fit (cosine
 * and sine of each), solved from its 4x4 normal equations.
 */
final class DualToneFit {

  private static final double GRID_STEP = 0.005;

  private final int window;
  private final double[][] cos;
  private final double[][] sin;
  private final int perFrequency;
  private final double[] x;
  private final double[] gram = new double[16];
  private final double[] rhs = new double[4];

  /** Amplitudes (peak) of the two fitted sinusoids of the last passing fit. */
  double rowAmplitude;

  double columnAmplitude;

  DualToneFit(int sampleRate, int window, double tolerance) {
    this.window = window;
    int steps = (int) Math.round(tolerance / GRID_STEP);
    this.perFrequency = 2 * steps + 1;
    this.cos = new double[8 * perFrequency][window];
    this.sin = new double[8 * perFrequency][window];
    for (int f = 0; f < 8; f++) {
      double nominal = f < 4 ? DtmfKey.ROW_HZ[f] : DtmfKey.COLUMN_HZ[f - 4];
      for (int s = -steps; s <= steps; s++) {
        double omega = 2 * Math.PI * nominal * (1 + s * GRID_STEP) / sampleRate;
        int row = f * perFrequency + s + steps;
        for (int n = 0; n < window; n++) {
          cos[row][n] = Math.cos(omega * n);
          sin[row][n] = Math.sin(omega * n);
        }
      }
    }
    this.x = new double[window];
  }

  /**
   * The share of the window's energy (0 to 1) two sinusoids explain, searching only the low-group
   * frequencies {@code rows} and high-group frequencies {@code columns} (bit masks, bit f for row
   * or column f). The window is {@code window} samples of {@code ring} ending just before {@code
   * end} (ring indexes taken modulo its length).
   */
  double explainedShare(short[] ring, long end, int rows, int columns) {
    double energy = 0;
    for (int n = 0; n < window; n++) {
      double v = ring[Math.floorMod(end - window + n, ring.length)];
      x[n] = v;
      energy += v * v;
    }
    if (energy == 0) {
      return 0;
    }
    int row = best(0, rows);
    int column = best(4, columns);
    return fit(row, column, energy);
  }

  private int best(int firstFrequency, int mask) {
    int best = -1;
    double bestPower = -1;
    for (int f = 0; f < 4; f++) {
      if ((mask & (1 << f)) == 0) {
        continue;
      }
      int base = (firstFrequency + f) * perFrequency;
      for (int k = base; k < base + perFrequency; k++) {
        double c = dot(cos[k], x);
        double s = dot(sin[k], x);
        double power = c * c + s * s;
        if (power > bestPower) {
          bestPower = power;
          best = k;
        }
      }
    }
    return best;
  }

  private double fit(int row, int column, double energy) {
    double[][] basis = {cos[row], sin[row], cos[column], sin[column]};
    for (int i = 0; i < 4; i++) {
      rhs[i] = dot(basis[i], x);
      for (int j = i; j < 4; j++) {
        gram[i * 4 + j] = dot(basis[i], basis[j]);
        gram[j * 4 + i] = gram[i * 4 + j];
      }
    }
    double[] coefficients = solve();
    if (coefficients == null) {
      return 0;
    }
    double explained = 0;
    for (int i = 0; i < 4; i++) {
      explained += coefficients[i] * rhs[i];
    }
    rowAmplitude = Math.hypot(coefficients[0], coefficients[1]);
    columnAmplitude = Math.hypot(coefficients[2], coefficients[3]);
    return Math.min(1, explained / energy);
  }

  /** Gaussian elimination with partial pivoting on the 4x4 normal equations; null if singular. */
  private double[] solve() {
    double[] a = gram.clone();
    double[] b = rhs.clone();
    for (int col = 0; col < 4; col++) {
      int pivot = col;
      for (int r = col + 1; r < 4; r++) {
        if (Math.abs(a[r * 4 + col]) > Math.abs(a[pivot * 4 + col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot * 4 + col]) < 1e-9) {
        return null;
      }
      swapRows(a, b, col, pivot);
      for (int r = col + 1; r < 4; r++) {
        double factor = a[r * 4 + col] / a[col * 4 + col];
        for (int c = col; c < 4; c++) {
          a[r * 4 + c] -= factor * a[col * 4 + c];
        }
        b[r] -= factor * b[col];
      }
    }
    double[] solution = new double[4];
    for (int r = 3; r >= 0; r--) {
      double sum = b[r];
      for (int c = r + 1; c < 4; c++) {
        sum -= a[r * 4 + c] * solution[c];
      }
      solution[r] = sum / a[r * 4 + r];
    }
    return solution;
  }

  private static void swapRows(double[] a, double[] b, int i, int j) {
    if (i == j) {
      return;
    }
    for (int c = 0; c < 4; c++) {
      double t = a[i * 4 + c];
      a[i * 4 + c] = a[j * 4 + c];
      a[j * 4 + c] = t;
    }
    double t = b[i];
    b[i] = b[j];
    b[j] = t;
  }

  private double dot(double[] a, double[] b) {
    double sum = 0;
    for (int n = 0; n < window; n++) {
      sum += a[n] * b[n];
    }
    return sum;
  }
}

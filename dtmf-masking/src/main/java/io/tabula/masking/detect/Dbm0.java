package io.tabula.masking.detect;

/**
 * Signal levels in dBm0 for 16-bit linear audio. A sine of 0 dBm0 has a peak of 22,786 (G.711 puts
 * its digital full scale at +3.14 dBm0), so -25 dBm0, the weakest level a DTMF receiver must
 * accept, is a peak of about 1,281.
 */
public final class Dbm0 {

  /** The peak of a 0 dBm0 sine in 16-bit linear samples. */
  public static final double ZERO_DBM0_PEAK = 32768 * Math.pow(10, -3.14 / 20);

  private Dbm0() {}

  /** The peak amplitude of a sine at {@code dbm0}. */
  public static double peak(double dbm0) {
    return ZERO_DBM0_PEAK * Math.pow(10, dbm0 / 20);
  }

  /** The RMS of a sine (or noise of that power) at {@code dbm0}. */
  public static double rms(double dbm0) {
    return peak(dbm0) / Math.sqrt(2);
  }
}

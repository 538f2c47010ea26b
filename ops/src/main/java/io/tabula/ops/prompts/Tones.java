package io.tabula.ops.prompts;

/**
 * What a listener hears for keys in a call's WAV: a key's DTMF pair (ITU-T Q.23), 100 ms at -10
 * dBFS per tone with a 60 ms gap, or for a secure key a neutral single-frequency beep that no DTMF
 * detector decodes, so the file holds how many digits were keyed and never which.
 */
final class Tones {

  private static final int RATE = TelephonyAudio.RATE;
  private static final String KEYS = "123A456B789C*0#D";
  private static final int[] ROWS = {697, 770, 852, 941};
  private static final int[] COLUMNS = {1209, 1336, 1477, 1633};
  private static final float LEVEL = 0.3f; // -10.5 dBFS per tone, -4.5 dBFS for the pair's peak

  private Tones() {}

  /** A key of {@code 0-9 * #} as its DTMF pair, then the gap. */
  static float[] dtmf(char key) {
    int index = KEYS.indexOf(key);
    if (index < 0) {
      throw new IllegalArgumentException("not a key: use 0-9, * or #");
    }
    return withGap(tone(ROWS[index / 4], COLUMNS[index % 4]));
  }

  /** One secure key: 1 kHz alone, so it counts the key without saying which it was. */
  static float[] secureBeep() {
    return withGap(tone(1000, 0));
  }

  static float[] silence(long millis) {
    return new float[(int) (RATE * millis / 1000)];
  }

  private static float[] tone(int low, int high) {
    float[] samples = new float[RATE / 10];
    for (int i = 0; i < samples.length; i++) {
      double t = i / (double) RATE;
      double pair =
          Math.sin(2 * Math.PI * low * t) + (high == 0 ? 0 : Math.sin(2 * Math.PI * high * t));
      samples[i] = (float) (LEVEL * pair);
    }
    return samples;
  }

  private static float[] withGap(float[] tone) {
    float[] keyed = new float[tone.length + RATE * 60 / 1000];
    System.arraycopy(tone, 0, keyed, 0, tone.length);
    return keyed;
  }
}

package io.tabula.engine.docker;

import io.tabula.masking.audio.AudioInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How much of a recording carries sound and how long its longest stretch of digital silence is. A
 * muted MixMonitor writes zero samples; the stack test's caller plays a steady tone, so a long
 * silent stretch is the mute and sound elsewhere shows the recording ran.
 *
 * <pre>{@code
 * RecordingLevels levels = RecordingLevels.of(Path.of("call.wav"));
 * }</pre>
 */
public record RecordingLevels(double soundSeconds, double longestSilenceSeconds) {

  /** At most this far from zero counts as silence (a muted recording is exactly zero). */
  static final int SILENCE = 8;

  /** At least this loud counts as sound (the tone is thousands). */
  static final int SOUND = 500;

  public static RecordingLevels of(Path file) throws IOException {
    try (AudioInput in = AudioInput.open(file, 0)) {
      byte[] raw = new byte[8192 * in.format().bytesPerSample()];
      short[] pcm = new short[8192];
      Tally tally = new Tally();
      for (int n; (n = in.read(raw, pcm)) > 0; ) {
        tally.add(pcm, n);
      }
      return tally.levels(in.format().sampleRate());
    }
  }

  /** The levels of samples already read, at {@code rate} samples a second. */
  public static RecordingLevels of(short[] pcm, double rate) {
    Tally tally = new Tally();
    tally.add(pcm, pcm.length);
    return tally.levels(rate);
  }

  private static final class Tally {
    private long sound;
    private long run;
    private long longest;

    void add(short[] pcm, int n) {
      for (int i = 0; i < n; i++) {
        int level = Math.abs(pcm[i]);
        sound += level >= SOUND ? 1 : 0;
        run = level <= SILENCE ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }

    RecordingLevels levels(double rate) {
      return new RecordingLevels(sound / rate, longest / rate);
    }
  }
}

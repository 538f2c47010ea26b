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
      double rate = in.format().sampleRate();
      byte[] raw = new byte[8192 * in.format().bytesPerSample()];
      short[] pcm = new short[8192];
      long sound = 0;
      long run = 0;
      long longest = 0;
      for (int n; (n = in.read(raw, pcm)) > 0; ) {
        for (int i = 0; i < n; i++) {
          int level = Math.abs(pcm[i]);
          sound += level >= SOUND ? 1 : 0;
          run = level <= SILENCE ? run + 1 : 0;
          longest = Math.max(longest, run);
        }
      }
      return new RecordingLevels(sound / rate, longest / rate);
    }
  }
}

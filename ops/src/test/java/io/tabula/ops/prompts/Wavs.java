package io.tabula.ops.prompts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test WAVs: silence and sine tones written at any rate, depth and channel count. */
final class Wavs {

  private Wavs() {}

  /** {@code lead} s of silence, {@code tone} s of a sine at {@code hz}, then {@code tail} s. */
  static float[] toneBetweenSilences(
      int rate, double lead, double tone, double tail, double hz, double amplitude) {
    int a = (int) (lead * rate);
    int b = a + (int) (tone * rate);
    float[] samples = new float[b + (int) (tail * rate)];
    for (int i = a; i < b; i++) {
      samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * (i - a) / rate));
    }
    return samples;
  }

  /** Writes {@code samples} (the same in every channel) as PCM WAV. */
  static Path write(Path file, float[] samples, int rate, int bits, int channels)
      throws IOException {
    int bytesPerSample = bits / 8;
    byte[] data = new byte[samples.length * channels * bytesPerSample];
    int at = 0;
    for (float sample : samples) {
      long value = Math.round(sample * ((1L << (bits - 1)) - 1));
      for (int c = 0; c < channels; c++) {
        for (int b = 0; b < bytesPerSample; b++) {
          data[at++] = (byte) (value >> (8 * b));
        }
      }
    }
    AudioFormat format = new AudioFormat(rate, bits, channels, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(data), format, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  /** The format and mono samples of a WAV this project wrote (8 kHz 16-bit mono expected). */
  static AudioInputStream open(Path file) throws Exception {
    return AudioSystem.getAudioInputStream(file.toFile());
  }
}

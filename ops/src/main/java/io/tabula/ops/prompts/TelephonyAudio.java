package io.tabula.ops.prompts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Turns any common WAV (8 to 32-bit, float, any rate, mono or stereo) into what Asterisk plays
 * without converting it on every call: 8 kHz, 16-bit signed little-endian, mono, in a WAV file.
 * Channels are averaged, the rate is changed by band-limited (windowed-sinc) interpolation, silence
 * is trimmed at both ends and the speech is brought to {@link #TARGET_DBFS} RMS, with its peaks
 * kept at or below {@link #PEAK_DBFS}. All in Java: no sox, no native code.
 *
 * <pre>{@code
 * TelephonyAudio.Result result = TelephonyAudio.convert(studioWav, target);
 * result.levelDbfs(); // -18.0
 * }</pre>
 */
public final class TelephonyAudio {

  /** Asterisk's native rate for narrowband calls (slin). */
  public static final int RATE = 8000;

  /** The speech level prompts are brought to: RMS of the frames that carry speech. */
  public static final double TARGET_DBFS = -18.0;

  /** The highest peak a prompt may reach after the gain (no clipping, headroom for codecs). */
  public static final double PEAK_DBFS = -1.0;

  /** Frames quieter than this, after the gain, are silence (at the ends they are trimmed). */
  static final double SILENCE_DBFS = -48.0;

  /** Frames more than this far below the loudest frame do not count as speech for the level. */
  private static final double SPEECH_RANGE_DB = 30.0;

  private static final int FRAME = RATE / 100; // 10 ms
  private static final int PAD_FRAMES = 5; // keep 50 ms of lead-in and tail: no clipped onsets

  private TelephonyAudio() {}

  /**
   * What a conversion made.
   *
   * @param seconds the prompt's length after trimming
   * @param levelDbfs its speech level (RMS of speech frames) after the gain
   * @param peakDbfs its highest sample after the gain
   */
  public record Result(double seconds, double levelDbfs, double peakDbfs) {}

  /** A WAV this class cannot read: not RIFF/WAVE, compressed, or broken. */
  public static final class UnreadableAudioException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableAudioException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads {@code source}, writes the telephony version to {@code target} (replacing it). */
  public static Result convert(Path source, Path target)
      throws IOException, UnreadableAudioException {
    float[] samples = read(Files.readAllBytes(source), source.getFileName().toString());
    return write(samples, target);
  }

  /** Processes mono 8 kHz samples (trim, level) and writes them as 8 kHz 16-bit mono WAV. */
  static Result write(float[] samples, Path target) throws IOException {
    float[] trimmed = trim(levelled(samples));
    byte[] pcm = new byte[trimmed.length * 2];
    double peak = 0;
    for (int i = 0; i < trimmed.length; i++) {
      int value = (int) Math.round(Math.max(-1.0, Math.min(1.0, trimmed[i])) * 32767.0);
      peak = Math.max(peak, Math.abs(value) / 32767.0);
      pcm[2 * i] = (byte) value;
      pcm[2 * i + 1] = (byte) (value >> 8);
    }
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    try (AudioInputStream out =
        new AudioInputStream(new ByteArrayInputStream(pcm), format, trimmed.length)) {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      AudioSystem.write(out, AudioFileFormat.Type.WAVE, partial.toFile());
      Files.move(
          partial,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return new Result(
        trimmed.length / (double) RATE, speechLevel(trimmed), decibels(Math.max(peak, 1e-9)));
  }

  /** Decodes a WAV into mono samples at {@link #RATE}, in [-1, 1]. */
  static float[] read(byte[] wav, String name) throws UnreadableAudioException {
    try (InputStream bytes = new ByteArrayInputStream(wav);
        AudioInputStream in = AudioSystem.getAudioInputStream(bytes)) {
      AudioFormat source = in.getFormat();
      AudioFormat floats =
          new AudioFormat(
              AudioFormat.Encoding.PCM_FLOAT,
              source.getSampleRate(),
              32,
              source.getChannels(),
              4 * source.getChannels(),
              source.getSampleRate(),
              false);
      try (AudioInputStream decoded = AudioSystem.getAudioInputStream(floats, in)) {
        byte[] data = decoded.readAllBytes();
        float[] mono = mono(data, source.getChannels());
        return Resampler.resample(mono, Math.round(source.getSampleRate()), RATE);
      }
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new UnreadableAudioException(
          name + " is not a PCM WAV file Java can read; export it as WAV (16 or 24-bit PCM)", e);
    } catch (IOException e) {
      throw new UnreadableAudioException(name + " could not be read to its end", e);
    }
  }

  private static float[] mono(byte[] data, int channels) {
    java.nio.FloatBuffer floats =
        java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] mono = new float[floats.remaining() / channels];
    for (int i = 0; i < mono.length; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += floats.get(i * channels + c);
      }
      mono[i] = sum / channels;
    }
    return mono;
  }

  /** Applies the gain that brings speech to the target level, capped so peaks stay below PEAK. */
  private static float[] levelled(float[] samples) {
    double level = speechLevel(samples);
    double peak = 0;
    for (float sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    if (peak == 0) {
      return samples;
    }
    double gain =
        Math.min(Math.pow(10, (TARGET_DBFS - level) / 20), Math.pow(10, PEAK_DBFS / 20) / peak);
    float[] out = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = (float) (samples[i] * gain);
    }
    return out;
  }

  /** RMS, in dBFS, of the 10 ms frames within 30 dB of the loudest one (the speech). */
  static double speechLevel(float[] samples) {
    int frames = samples.length / FRAME;
    double[] energy = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      energy[f] = meanSquare(samples, f * FRAME);
      loudest = Math.max(loudest, energy[f]);
    }
    double floor = loudest * Math.pow(10, -SPEECH_RANGE_DB / 10);
    double sum = 0;
    int counted = 0;
    for (double e : energy) {
      if (e > 0 && e >= floor) {
        sum += e;
        counted++;
      }
    }
    return counted == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / counted);
  }

  /** Drops 10 ms frames quieter than SILENCE at both ends, keeping 50 ms next to the speech. */
  private static float[] trim(float[] samples) {
    int frames = samples.length / FRAME;
    double threshold = Math.pow(10, SILENCE_DBFS / 10);
    int first = 0;
    while (first < frames && meanSquare(samples, first * FRAME) < threshold) {
      first++;
    }
    if (first == frames) {
      return new float[0];
    }
    int last = frames - 1;
    while (last > first && meanSquare(samples, last * FRAME) < threshold) {
      last--;
    }
    int from = Math.max(0, first - PAD_FRAMES) * FRAME;
    int to = Math.min(samples.length, (last + 1 + PAD_FRAMES) * FRAME);
    return java.util.Arrays.copyOfRange(samples, from, to);
  }

  private static double meanSquare(float[] samples, int from) {
    double sum = 0;
    for (int i = from; i < from + FRAME; i++) {
      sum += samples[i] * (double) samples[i];
    }
    return sum / FRAME;
  }

  private static double decibels(double amplitude) {
    return 20 * Math.log10(amplitude);
  }
}

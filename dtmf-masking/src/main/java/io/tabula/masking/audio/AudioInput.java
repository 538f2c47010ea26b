package io.tabula.masking.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A recording opened for streaming: WAV (16-bit PCM, µ-law, A-law) or raw signed-linear 16-bit
 * ({@code .sln} 8 kHz, {@code .sln16} 16 kHz, or any name with an explicit rate). Hands out each
 * chunk twice: the stored bytes, to copy unchanged, and the decoded samples, to analyse.
 *
 * <pre>{@code
 * try (AudioInput in = AudioInput.open(path, 0)) {
 *   byte[] raw = new byte[4096 * in.format().bytesPerSample()];
 *   short[] pcm = new short[4096];
 *   for (int n; (n = in.read(raw, pcm)) > 0; ) { ... }
 * }
 * }</pre>
 */
public final class AudioInput implements AutoCloseable {

  private final InputStream in;
  private final AudioFormat format;
  private final byte[] header;
  private long remaining;

  private AudioInput(InputStream in, AudioFormat format, byte[] header, long dataLength) {
    this.in = in;
    this.format = format;
    this.header = header;
    this.remaining = dataLength < 0 ? Long.MAX_VALUE : dataLength;
  }

  /**
   * Opens {@code path}. {@code rawRate} is the sample rate of a raw file (0: take it from the
   * extension, {@code .sln16} is 16 kHz, anything else 8 kHz); WAV files carry their own.
   */
  public static AudioInput open(Path path, int rawRate) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      if (looksLikeWav(in)) {
        WavHeader header = WavHeader.read(in);
        return new AudioInput(in, header.format(), header.bytes(), header.dataLength());
      }
      int rate = rawRate > 0 ? rawRate : rawRateOf(path);
      return new AudioInput(in, new AudioFormat(AudioEncoding.PCM_16, rate), new byte[0], -1);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Whether {@code path} names a file this class reads (by extension). */
  public static boolean isRecording(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".wav")
        || name.endsWith(".sln")
        || name.endsWith(".sln16")
        || name.endsWith(".raw");
  }

  private static boolean looksLikeWav(InputStream in) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    return magic.length == 4 && magic[0] == 'R' && magic[1] == 'I' && magic[2] == 'F';
  }

  private static int rawRateOf(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sln16") ? 16000 : 8000;
  }

  public AudioFormat format() {
    return format;
  }

  /** The bytes before the samples (empty for raw audio). */
  public byte[] header() {
    return header.clone();
  }

  /**
   * Reads up to {@code pcm.length} samples: stored bytes into {@code raw}, decoded into {@code
   * pcm}. Returns the number of samples, 0 at the end of the data.
   */
  public int read(byte[] raw, short[] pcm) throws IOException {
    int bytesPerSample = format.bytesPerSample();
    int wanted = (int) Math.min((long) pcm.length * bytesPerSample, remaining);
    wanted -= wanted % bytesPerSample;
    int got = in.readNBytes(raw, 0, wanted);
    got -= got % bytesPerSample;
    remaining -= got;
    int samples = got / bytesPerSample;
    for (int i = 0; i < samples; i++) {
      pcm[i] = format.encoding().decode(raw, i * bytesPerSample);
    }
    return samples;
  }

  /** Whatever follows the sample data (WAV chunks after "data"), to copy unchanged. */
  public InputStream trailer() {
    return in;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

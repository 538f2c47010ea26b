package io.tabula.masking.audio;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a mono WAV file of a known number of samples: the canonical 44-byte header (or 46 for
 * G.711, whose fmt chunk carries an extension size), then the samples.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *   WavWriter wav = WavWriter.start(out, new AudioFormat(AudioEncoding.MULAW, 8000), samples.length);
 *   wav.write(samples, 0, samples.length);
 * }
 * }</pre>
 */
public final class WavWriter {

  private final OutputStream out;
  private final AudioFormat format;
  private byte[] buffer = new byte[0];

  private WavWriter(OutputStream out, AudioFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Writes the header for {@code samples} samples and returns a writer for them. */
  public static WavWriter start(OutputStream out, AudioFormat format, long samples)
      throws IOException {
    out.write(header(format, samples * format.bytesPerSample()));
    return new WavWriter(out, format);
  }

  /** The header bytes for a data chunk of {@code dataBytes}. */
  public static byte[] header(AudioFormat format, long dataBytes) {
    boolean pcm = format.encoding() == AudioEncoding.PCM_16;
    int fmtSize = pcm ? 16 : 18;
    byte[] h = new byte[20 + fmtSize + 8];
    put(h, 0, "RIFF");
    put32(h, 4, 12 + fmtSize + dataBytes + (dataBytes & 1));
    put(h, 8, "WAVE");
    put(h, 12, "fmt ");
    put32(h, 16, fmtSize);
    int tag =
        switch (format.encoding()) {
          case PCM_16 -> 1;
          case ALAW -> 6;
          case MULAW -> 7;
        };
    put16(h, 20, tag);
    put16(h, 22, 1);
    put32(h, 24, format.sampleRate());
    put32(h, 28, format.bytesPerSecond());
    put16(h, 32, format.bytesPerSample());
    put16(h, 34, format.bytesPerSample() * 8);
    int data = 20 + fmtSize;
    put(h, data, "data");
    put32(h, data + 4, dataBytes);
    return h;
  }

  /** Encodes and writes {@code length} samples. */
  public void write(short[] samples, int offset, int length) throws IOException {
    int bytes = length * format.bytesPerSample();
    if (buffer.length < bytes) {
      buffer = new byte[bytes];
    }
    for (int i = 0; i < length; i++) {
      format.encoding().encode(samples[offset + i], buffer, i * format.bytesPerSample());
    }
    out.write(buffer, 0, bytes);
  }

  private static void put(byte[] b, int at, String tag) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) tag.charAt(i);
    }
  }

  private static void put16(byte[] b, int at, int value) {
    b[at] = (byte) value;
    b[at + 1] = (byte) (value >> 8);
  }

  private static void put32(byte[] b, int at, long value) {
    put16(b, at, (int) value);
    put16(b, at + 2, (int) (value >> 16));
  }
}

package io.tabula.masking.audio;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a WAV file before its sample data: the format, the exact header bytes (a scrubber
 * writes them back unchanged) and the declared data length.
 *
 * @param dataLength bytes of sample data, or -1 when the header does not say (a recording still
 *     being written declares 0 or 0xFFFFFFFF; then the data runs to the end of the file)
 */
public record WavHeader(AudioFormat format, byte[] bytes, long dataLength) {

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_ALAW = 6;
  private static final int FORMAT_MULAW = 7;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int MAX_HEADER = 1 << 20;

  /** Reads the header from {@code in}, leaving it at the first data byte. */
  public static WavHeader read(InputStream in) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream(64);
    DataInputStream data = new DataInputStream(in);
    byte[] riff = chunk(data, copy, 12);
    if (!tag(riff, 0, "RIFF") || !tag(riff, 8, "WAVE")) {
      throw new UnsupportedAudioException(
          "not a WAV file (no RIFF/WAVE header): for raw 16-bit audio name the file .sln (8 kHz)"
              + " or .sln16 (16 kHz), or pass --raw-rate");
    }
    AudioFormat format = null;
    while (true) {
      byte[] header = chunk(data, copy, 8);
      long size = le32(header, 4);
      if (tag(header, 0, "data")) {
        if (format == null) {
          throw new UnsupportedAudioException("WAV file without a fmt chunk before its data");
        }
        boolean unknown = size == 0 || size == 0xFFFFFFFFL;
        return new WavHeader(format, copy.toByteArray(), unknown ? -1 : size);
      }
      if (copy.size() + size > MAX_HEADER) {
        throw new UnsupportedAudioException("WAV header over 1 MiB: the file is damaged");
      }
      byte[] body = chunk(data, copy, (int) (size + (size & 1)));
      if (tag(header, 0, "fmt ")) {
        format = format(body);
      }
    }
  }

  private static AudioFormat format(byte[] fmt) {
    if (fmt.length < 16) {
      throw new UnsupportedAudioException("WAV fmt chunk too short: the file is damaged");
    }
    int tag = le16(fmt, 0);
    int channels = le16(fmt, 2);
    int rate = (int) le32(fmt, 4);
    int bits = le16(fmt, 14);
    if (tag == FORMAT_EXTENSIBLE && fmt.length >= 26) {
      tag = le16(fmt, 24);
    }
    if (channels != 1) {
      throw new UnsupportedAudioException(
          "WAV with " + channels + " channels: only mono is supported; split channels first");
    }
    AudioEncoding encoding =
        switch (tag) {
          case FORMAT_PCM -> bits == 16 ? AudioEncoding.PCM_16 : null;
          case FORMAT_MULAW -> bits == 8 ? AudioEncoding.MULAW : null;
          case FORMAT_ALAW -> bits == 8 ? AudioEncoding.ALAW : null;
          default -> null;
        };
    if (encoding == null) {
      throw new UnsupportedAudioException(
          "WAV format tag "
              + tag
              + " with "
              + bits
              + " bits is not supported: use 16-bit PCM, µ-law or A-law");
    }
    return new AudioFormat(encoding, rate);
  }

  private static byte[] chunk(DataInputStream in, ByteArrayOutputStream copy, int length)
      throws IOException {
    byte[] bytes = new byte[length];
    try {
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new UnsupportedAudioException("WAV file ends inside its header: the file is truncated");
    }
    copy.write(bytes);
    return bytes;
  }

  private static boolean tag(byte[] bytes, int offset, String tag) {
    for (int i = 0; i < 4; i++) {
      if (bytes[offset + i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int le16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  static long le32(byte[] b, int at) {
    return (le16(b, at) | (long) le16(b, at + 2) << 16) & 0xFFFFFFFFL;
  }
}

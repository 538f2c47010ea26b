package io.tabula.masking.audio;

/** How samples are stored: 16-bit signed little-endian linear PCM, or G.711 µ-law or A-law. */
public enum AudioEncoding {
  PCM_16(2),
  MULAW(1),
  ALAW(1);

  private final int bytesPerSample;

  AudioEncoding(int bytesPerSample) {
    this.bytesPerSample = bytesPerSample;
  }

  public int bytesPerSample() {
    return bytesPerSample;
  }

  /** The linear value of the sample stored at {@code offset}. */
  public short decode(byte[] bytes, int offset) {
    return switch (this) {
      case PCM_16 -> (short) ((bytes[offset] & 0xFF) | (bytes[offset + 1] << 8));
      case MULAW -> G711.mulawToLinear(bytes[offset]);
      case ALAW -> G711.alawToLinear(bytes[offset]);
    };
  }

  /** Stores {@code sample} at {@code offset}. */
  public void encode(short sample, byte[] bytes, int offset) {
    switch (this) {
      case PCM_16 -> {
        bytes[offset] = (byte) sample;
        bytes[offset + 1] = (byte) (sample >> 8);
      }
      case MULAW -> bytes[offset] = G711.linearToMulaw(sample);
      case ALAW -> bytes[offset] = G711.linearToAlaw(sample);
    }
  }
}

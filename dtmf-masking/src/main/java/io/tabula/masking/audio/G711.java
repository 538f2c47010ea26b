package io.tabula.masking.audio;

/**
 * ITU-T G.711 µ-law and A-law, both directions. Decoding uses 256-entry tables built once; encoding
 * follows the standard's segment search (it runs only for the few samples a scrubber writes).
 */
final class G711 {

  private static final short[] MULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];
  private static final int MULAW_BIAS = 0x84;
  private static final int MULAW_CLIP = 32635;

  static {
    for (int i = 0; i < 256; i++) {
      MULAW_TO_LINEAR[i] = decodeMulaw(i);
      ALAW_TO_LINEAR[i] = decodeAlaw(i);
    }
  }

  private G711() {}

  static short mulawToLinear(byte code) {
    return MULAW_TO_LINEAR[code & 0xFF];
  }

  static short alawToLinear(byte code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  private static short decodeMulaw(int code) {
    int u = ~code & 0xFF;
    int t = ((u & 0x0F) << 3) + MULAW_BIAS;
    t <<= (u & 0x70) >> 4;
    return (short) ((u & 0x80) != 0 ? MULAW_BIAS - t : t - MULAW_BIAS);
  }

  private static short decodeAlaw(int code) {
    int a = code ^ 0x55;
    int t = (a & 0x0F) << 4;
    int segment = (a & 0x70) >> 4;
    if (segment == 0) {
      t += 8;
    } else {
      t = (t + 0x108) << (segment - 1);
    }
    return (short) ((a & 0x80) != 0 ? t : -t);
  }

  static byte linearToMulaw(short sample) {
    int pcm = sample;
    int sign = (pcm >> 8) & 0x80;
    if (sign != 0) {
      pcm = -pcm;
    }
    pcm = Math.min(pcm, MULAW_CLIP) + MULAW_BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (pcm >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  static byte linearToAlaw(short sample) {
    int pcm = sample;
    int sign = pcm >= 0 ? 0x80 : 0;
    if (sign == 0) {
      pcm = -pcm - 1;
    }
    pcm = Math.min(pcm, 32767);
    int segment = 0;
    for (int limit = 0xFF; pcm > limit && segment < 7; limit = (limit << 1) | 1) {
      segment++;
    }
    int code = segment < 1 ? (pcm >> 4) & 0x0F : (pcm >> (segment + 3)) & 0x0F;
    return (byte) ((sign | (segment << 4) | code) ^ 0x55);
  }
}

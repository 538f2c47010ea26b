package io.tabula.masking.audio;

import io.tabula.masking.detect.Dbm0;
import io.tabula.masking.detect.DtmfKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Recordings made to test a scrubber against a decoder: speech (espeak-ng through sox, or shaped
 * noise where espeak-ng is missing), then a run of dual tones at one level and one duration in
 * every twist and frequency offset, then speech again, over a faint noise floor.
 */
final class DecodableCorpus {

  /** One planted tone, in samples from the start of the file (end exclusive). */
  record Planted(DtmfKey key, int start, int end, double twistDb, double offset) {}

  /** A generated file and what was planted in it. */
  record Recording(Path file, AudioFormat format, double dbm0, int millis, List<Planted> tones) {}

  static final double[] TWISTS_DB = {-8, 0, 8};
  static final double[] OFFSETS = {-0.03, 0, 0.03};
  private static final int GAP_MS = 150;

  private final Path dir;
  private final SplittableRandom random = new SplittableRandom(2026);

  DecodableCorpus(Path dir) {
    this.dir = dir;
  }

  Recording make(AudioFormat format, double dbm0, int millis, boolean espeak) throws IOException {
    return make(format, dbm0, millis, espeak, -70);
  }

  /** As above, over white noise at {@code noiseDbm0} instead of a faint floor. */
  Recording make(AudioFormat format, double dbm0, int millis, boolean espeak, double noiseDbm0)
      throws IOException {
    int rate = format.sampleRate();
    short[] before =
        speech(rate, "Please enter your card number, followed by the hash key.", espeak);
    short[] after = speech(rate, "Thank you. Now the expiry date, month and year.", espeak);
    int toneCount = TWISTS_DB.length * OFFSETS.length;
    int gap = GAP_MS * rate / 1000;
    int length = before.length + after.length + toneCount * (millis * rate / 1000 + gap) + gap;
    double[] signal = new double[length];
    add(signal, 0, before);
    List<Planted> tones = new ArrayList<>();
    int at = before.length + gap;
    int index = 0;
    for (double twist : TWISTS_DB) {
      for (double offset : OFFSETS) {
        DtmfKey key = DtmfKey.values()[(index++ + (int) (dbm0 * -7) + millis) % 16];
        int count = millis * rate / 1000;
        addTone(signal, at, count, rate, key, dbm0, twist, offset);
        tones.add(new Planted(key, at, at + count, twist, offset));
        at += count + gap;
      }
    }
    add(signal, at, after);
    double floor = Dbm0.rms(noiseDbm0);
    for (int i = 0; i < length; i++) {
      signal[i] += (random.nextDouble() - 0.5) * floor * Math.sqrt(12);
    }
    String name =
        String.format(
            java.util.Locale.ROOT,
            "%s-%d-%.2fdBm0-%dms-noise%.0f.wav",
            format.encoding(),
            rate,
            dbm0,
            millis,
            noiseDbm0);
    Path file = dir.resolve(name);
    short[] pcm = new short[length];
    for (int i = 0; i < length; i++) {
      pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(signal[i])));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      WavWriter.start(out, format, length).write(pcm, 0, length);
    }
    return new Recording(file, format, dbm0, millis, tones);
  }

  /** Twist here: how many dB the high-group tone is weaker than the low-group tone at dbm0. */
  private void addTone(
      double[] signal,
      int at,
      int count,
      int rate,
      DtmfKey key,
      double dbm0,
      double twist,
      double offset) {
    double rowPeak = Dbm0.peak(twist < 0 ? dbm0 + twist : dbm0);
    double columnPeak = Dbm0.peak(twist > 0 ? dbm0 - twist : dbm0);
    double rowPhase = random.nextDouble() * 2 * Math.PI;
    double columnPhase = random.nextDouble() * 2 * Math.PI;
    for (int i = 0; i < count; i++) {
      double t = (double) i / rate;
      signal[at + i] +=
          rowPeak * Math.sin(2 * Math.PI * key.rowHz() * (1 + offset) * t + rowPhase)
              + columnPeak
                  * Math.sin(2 * Math.PI * key.columnHz() * (1 + offset) * t + columnPhase);
    }
  }

  private static void add(double[] signal, int at, short[] audio) {
    for (int i = 0; i < audio.length; i++) {
      signal[at + i] += audio[i];
    }
  }

  private short[] speech(int rate, String text, boolean espeak) throws IOException {
    if (!espeak) {
      return shapedNoise(rate);
    }
    Path wav = Files.createTempFile(dir, "speech", ".wav");
    Path raw = Files.createTempFile(dir, "speech", ".raw");
    ExternalTool.run(List.of("espeak-ng", "-v", "en-us", "-w", wav.toString(), text));
    ExternalTool.run(
        List.of(
            "sox",
            wav.toString(),
            "-r",
            Integer.toString(rate),
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed-integer",
            "-t",
            "raw",
            raw.toString()));
    byte[] bytes = Files.readAllBytes(raw);
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    Files.delete(wav);
    Files.delete(raw);
    return samples;
  }

  /** Two seconds of noise in syllable-like bursts, where espeak-ng is not installed. */
  private short[] shapedNoise(int rate) {
    short[] out = new short[2 * rate];
    double rms = Dbm0.rms(-20);
    for (int i = 0; i < out.length; i++) {
      double envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * i / rate));
      out[i] = (short) Math.round((random.nextDouble() - 0.5) * Math.sqrt(12) * rms * envelope);
    }
    return out;
  }
}

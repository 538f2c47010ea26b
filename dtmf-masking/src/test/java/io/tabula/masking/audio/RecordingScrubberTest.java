package io.tabula.masking.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.masking.detect.Dbm0;
import io.tabula.masking.detect.DtmfKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingScrubberTest {

  @TempDir Path dir;

  /** A call: low noise "speech", then keys at known places, then more noise. */
  private static final int[][] TONES_MS = {{1000, 80}, {1300, 60}, {1500, 45}, {3000, 120}};

  @ParameterizedTest(name = "{0} at {1} Hz")
  @CsvSource({"PCM_16,8000", "MULAW,8000", "ALAW,8000", "PCM_16,16000", "MULAW,16000"})
  void mutesEveryToneWithItsGuardAndKeepsEveryOtherByte(AudioEncoding encoding, int rate)
      throws IOException {
    short[] audio = call(rate);
    Path in = dir.resolve("call.wav");
    AudioFormat format = new AudioFormat(encoding, rate);
    try (OutputStream out = Files.newOutputStream(in)) {
      WavWriter.start(out, format, audio.length).write(audio, 0, audio.length);
    }

    ByteArrayOutputStream scrubbed = new ByteArrayOutputStream();
    ScrubReport report =
        new RecordingScrubber(ScrubOptions.defaults()).scrub(in, scrubbed, bytes -> {});

    byte[] original = Files.readAllBytes(in);
    byte[] out = scrubbed.toByteArray();
    assertThat(out).hasSameSizeAs(original);
    assertThat(report.tones()).isEqualTo(TONES_MS.length);
    int header = WavWriter.header(format, 0).length;
    int bps = format.bytesPerSample();
    byte[] silence = new byte[bps];
    encoding.encode((short) 0, silence, 0);
    long changed = 0;
    for (int i = 0; i < audio.length; i++) {
      boolean same =
          java.util.Arrays.equals(
              original,
              header + i * bps,
              header + (i + 1) * bps,
              out,
              header + i * bps,
              header + (i + 1) * bps);
      boolean silent =
          java.util.Arrays.equals(out, header + i * bps, header + (i + 1) * bps, silence, 0, bps);
      double ms = i * 1000.0 / rate;
      if (insideTone(ms, 0)) {
        assertThat(silent).as("sample at %.1f ms muted", ms).isTrue();
      }
      if (!insideTone(ms, 80)) {
        assertThat(same).as("sample at %.1f ms kept", ms).isTrue();
      }
      changed += same ? 0 : 1;
    }
    assertThat(changed).isPositive();
    assertThat(java.util.Arrays.equals(original, 0, header, out, 0, header)).isTrue();
  }

  @Test
  void rawSignedLinearIsScrubbedToo() throws IOException {
    short[] audio = call(8000);
    Path in = dir.resolve("call.sln");
    byte[] bytes = new byte[audio.length * 2];
    for (int i = 0; i < audio.length; i++) {
      AudioEncoding.PCM_16.encode(audio[i], bytes, i * 2);
    }
    Files.write(in, bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScrubReport report = new RecordingScrubber(ScrubOptions.defaults()).scrub(in, out, b -> {});
    assertThat(report.tones()).isEqualTo(TONES_MS.length);
    assertThat(out.toByteArray()).hasSameSizeAs(bytes);
    assertThat(java.util.Arrays.equals(bytes, 0, 14000, out.toByteArray(), 0, 14000)).isTrue();
    assertThat(java.util.Arrays.equals(bytes, out.toByteArray())).isFalse();
  }

  @Test
  void aStereoWavIsRefusedWithAClearMessage() throws IOException {
    byte[] header = WavWriter.header(new AudioFormat(AudioEncoding.PCM_16, 8000), 0);
    header[22] = 2;
    Path in = dir.resolve("stereo.wav");
    Files.write(in, header);
    assertThatThrownBy(
            () ->
                new RecordingScrubber(ScrubOptions.defaults())
                    .scrub(in, new ByteArrayOutputStream(), b -> {}))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("only mono");
  }

  private static boolean insideTone(double ms, double margin) {
    for (int[] tone : TONES_MS) {
      if (ms >= tone[0] - margin && ms < tone[0] + tone[1] + margin) {
        return true;
      }
    }
    return false;
  }

  static short[] call(int rate) {
    int length = 4 * rate;
    double[] signal = new double[length];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < length; i++) {
      signal[i] = (random.nextDouble() - 0.5) * 300;
    }
    DtmfKey[] keys = {DtmfKey.D4, DtmfKey.D1, DtmfKey.HASH, DtmfKey.D9};
    for (int t = 0; t < TONES_MS.length; t++) {
      int start = TONES_MS[t][0] * rate / 1000;
      int count = TONES_MS[t][1] * rate / 1000;
      double peak = Dbm0.peak(-10);
      for (int i = 0; i < count; i++) {
        double s = (double) i / rate;
        signal[start + i] +=
            peak * Math.sin(2 * Math.PI * keys[t].rowHz() * s)
                + peak * Math.sin(2 * Math.PI * keys[t].columnHz() * s);
      }
    }
    short[] pcm = new short[length];
    for (int i = 0; i < length; i++) {
      pcm[i] = (short) Math.round(signal[i]);
    }
    return pcm;
  }
}

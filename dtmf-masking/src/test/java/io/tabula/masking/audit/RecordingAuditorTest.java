package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.RecordingScrubber;
import io.tabula.masking.audio.ScrubOptions;
import io.tabula.masking.audio.WavWriter;
import io.tabula.masking.detect.Dbm0;
import io.tabula.masking.detect.DtmfKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingAuditorTest {

  @TempDir Path dir;

  /** A Q.24 key at 0.5 s, near-misses at 1.0, 1.5 and 2.0 s, over a faint noise floor. */
  private static short[] recording(int rate) {
    double[] signal = new double[3 * rate];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < signal.length; i++) {
      signal[i] = (random.nextDouble() - 0.5) * Dbm0.rms(-70) * Math.sqrt(12);
    }
    tone(signal, rate, 0.5, 100, DtmfKey.D5, -10, 0, 0);
    tone(signal, rate, 1.0, 20, DtmfKey.D4, -40, 0, 0); // too short for Q.24
    tone(signal, rate, 1.5, 40, DtmfKey.D2, -34, 0, 0); // under Q.24's threshold of -31 dBm0
    tone(signal, rate, 2.0, 10, DtmfKey.HASH, -45, 8, 0.03); // short, weak, twisted, off
    short[] pcm = new short[signal.length];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(signal[i]);
    }
    return pcm;
  }

  private static void tone(
      double[] signal,
      int rate,
      double atSeconds,
      int millis,
      DtmfKey key,
      double dbm0,
      double twistDb,
      double offset) {
    int start = (int) (atSeconds * rate);
    double row = Dbm0.peak(dbm0);
    double column = Dbm0.peak(dbm0 - twistDb);
    for (int i = 0; i < millis * rate / 1000; i++) {
      double t = (double) i / rate;
      signal[start + i] +=
          row * Math.sin(2 * Math.PI * key.rowHz() * (1 + offset) * t)
              + column * Math.sin(2 * Math.PI * key.columnHz() * (1 + offset) * t);
    }
  }

  private Path write(String name, AudioFormat format, short[] audio) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      WavWriter.start(out, format, audio.length).write(audio, 0, audio.length);
    }
    return file;
  }

  @ParameterizedTest(name = "{0} at {1} Hz")
  @CsvSource({"MULAW,8000", "PCM_16,16000"})
  void reportsTheKeyToneAndEveryNearMissOnceEachWithItsTime(AudioEncoding encoding, int rate)
      throws IOException {
    Path file = write("call.wav", new AudioFormat(encoding, rate), recording(rate));

    List<AuditFinding> findings = new ArrayList<>();
    AuditSummary summary = new RecordingAuditor(0).audit(List.of(file), findings::add);

    assertThat(findings)
        .extracting(AuditFinding::kind)
        .containsExactlyInAnyOrder(
            RecordingAuditor.KEY_TONE,
            RecordingAuditor.RESIDUE,
            RecordingAuditor.RESIDUE,
            RecordingAuditor.RESIDUE);
    assertThat(findings.stream().filter(f -> f.kind().equals(RecordingAuditor.RESIDUE)))
        .extracting(f -> Math.round(f.seconds() * 2) / 2.0)
        .containsExactly(1.0, 1.5, 2.0);
    assertThat(findings)
        .filteredOn(f -> f.kind().equals(RecordingAuditor.KEY_TONE))
        .singleElement()
        .satisfies(
            f -> assertThat(f.seconds()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02)));
    // Durations and levels only: the key, the secret in a recording of card entry, is never named.
    assertThat(findings)
        .extracting(AuditFinding::masked)
        .allMatch(
            masked ->
                masked.matches("key tone, \\d+ ms")
                    || masked.matches(
                        "dual tone a decoder could read, \\d+ ms at -\\d+\\.\\d dBm0 \\(.*\\)"));
    assertThat(summary.findings()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0} at {1} Hz")
  @CsvSource({"MULAW,8000", "PCM_16,16000"})
  void aScrubbedRecordingAuditsClean(AudioEncoding encoding, int rate) throws IOException {
    Path file = write("call.wav", new AudioFormat(encoding, rate), recording(rate));
    Path scrubbed = dir.resolve("scrubbed.wav");
    try (OutputStream out = Files.newOutputStream(scrubbed)) {
      new RecordingScrubber(ScrubOptions.defaults()).scrub(file, out, bytes -> {});
    }

    List<AuditFinding> findings = new ArrayList<>();
    AuditSummary summary = new RecordingAuditor(0).audit(List.of(scrubbed), findings::add);

    assertThat(findings).isEmpty();
    assertThat(summary.clean()).isTrue();
  }
}

package io.tabula.masking.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scrubber against an independent decoder. Every recording of the corpus holds dual tones a
 * Q.24 receiver must reject (-31.06, -40 and -45 dBm0; 10, 20 and 40 ms; twist of 8 dB either way;
 * frequencies 3 % off) between stretches of speech, in µ-law at 8 kHz and 16-bit PCM at 16 kHz.
 * Debian's multimon-ng must read tones in the originals (otherwise the test proves nothing) and
 * nothing at all in the scrubbed files; and, since multimon-ng is only one decoder, every sample of
 * every planted tone must be replaced by silence. Skipped, with the reason, without multimon-ng or
 * sox (multimon-ng reads WAV files through sox).
 */
class DecoderAfterScrubTest {

  private static final double[] LEVELS = {-31.06, -40, -45};
  private static final int[] MILLIS = {10, 20, 40};
  private static final AudioFormat[] FORMATS = {
    new AudioFormat(AudioEncoding.MULAW, 8000), new AudioFormat(AudioEncoding.PCM_16, 16000)
  };

  /** Kept after the run, so a failure can be listened to and decoded by hand. */
  private final Path dir = Path.of("target", "decoder-after-scrub");

  @Test
  void multimonHearsNoKeyInAnyScrubbedFileAndEveryToneSampleIsSilenced() throws IOException {
    assumeTrue(
        ExternalTool.onPath("multimon-ng") && ExternalTool.onPath("sox"),
        "multimon-ng and sox are needed as the independent decoder: install them (Debian:"
            + " apt-get install multimon-ng sox) and run the tests again");
    Files.createDirectories(dir);
    boolean espeak = ExternalTool.onPath("espeak-ng");
    DecodableCorpus corpus = new DecodableCorpus(dir);
    int heardBefore = 0;
    int planted = 0;
    List<String> heardAfter = new ArrayList<>();
    for (AudioFormat format : FORMATS) {
      for (double level : LEVELS) {
        for (int millis : MILLIS) {
          DecodableCorpus.Recording recording = corpus.make(format, level, millis, espeak);
          String before = ExternalTool.multimonKeys(recording.file());
          if (millis >= 20) {
            assertThat(before)
                .as("multimon-ng reads the untwisted on-frequency tone in %s", recording.file())
                .contains(String.valueOf(untwistedOnFrequency(recording).key().symbol()));
          }
          heardBefore += before.length();
          planted += recording.tones().size();
          Path scrubbed = scrub(recording);
          String after = ExternalTool.multimonKeys(scrubbed);
          if (!after.isEmpty()) {
            heardAfter.add(scrubbed.getFileName() + ": " + after.length() + " keys");
          }
          assertEveryToneSampleSilenced(recording, scrubbed);
        }
      }
    }
    System.out.printf(
        "Decoder after scrub: %d tones planted in %d files (speech: %s); multimon-ng read %d"
            + " before scrubbing and %d after%n",
        planted,
        FORMATS.length * LEVELS.length * MILLIS.length,
        espeak ? "espeak-ng" : "shaped noise",
        heardBefore,
        heardAfter.size());
    assertThat(heardBefore).isPositive();
    assertThat(heardAfter).isEmpty();
  }

  /**
   * Tones of 20 and 40 ms at -45 and -40 dBm0 under white noise at -50 dBm0: multimon-ng reads them
   * (its test is relative), so the scrubber must remove them although the noise leaves no 8 ms
   * window that two sinusoids explain almost whole.
   */
  @Test
  void multimonHearsNoKeyInScrubbedFilesWithTonesUnderNoise() throws IOException {
    assumeTrue(
        ExternalTool.onPath("multimon-ng") && ExternalTool.onPath("sox"),
        "multimon-ng and sox are needed as the independent decoder: install them (Debian:"
            + " apt-get install multimon-ng sox) and run the tests again");
    Files.createDirectories(dir);
    DecodableCorpus corpus = new DecodableCorpus(dir);
    int heardBefore = 0;
    List<String> heardAfter = new ArrayList<>();
    for (AudioFormat format : FORMATS) {
      for (double level : new double[] {-45, -40}) {
        for (int millis : new int[] {20, 40}) {
          DecodableCorpus.Recording recording = corpus.make(format, level, millis, false, -50);
          String before = ExternalTool.multimonKeys(recording.file());
          if (millis == 40) {
            assertThat(before)
                .as("multimon-ng reads the untwisted on-frequency tone in %s", recording.file())
                .contains(String.valueOf(untwistedOnFrequency(recording).key().symbol()));
          }
          heardBefore += before.length();
          Path scrubbed = scrub(recording);
          String after = ExternalTool.multimonKeys(scrubbed);
          if (!after.isEmpty()) {
            heardAfter.add(scrubbed.getFileName() + ": " + after.length() + " keys");
          }
        }
      }
    }
    assertThat(heardBefore).isPositive();
    System.out.printf(
        "Decoder after scrub, tones under noise at -50 dBm0: multimon-ng read %d before scrubbing"
            + " and %d after%n",
        heardBefore, heardAfter.size());
    assertThat(heardAfter).isEmpty();
  }

  private static DecodableCorpus.Planted untwistedOnFrequency(DecodableCorpus.Recording recording) {
    return recording.tones().stream()
        .filter(tone -> tone.twistDb() == 0 && tone.offset() == 0)
        .findFirst()
        .orElseThrow();
  }

  private Path scrub(DecodableCorpus.Recording recording) throws IOException {
    Path out = dir.resolve("scrubbed-" + recording.file().getFileName());
    try (OutputStream stream = Files.newOutputStream(out)) {
      new RecordingScrubber(ScrubOptions.defaults()).scrub(recording.file(), stream, bytes -> {});
    }
    return out;
  }

  private static void assertEveryToneSampleSilenced(DecodableCorpus.Recording recording, Path out)
      throws IOException {
    AudioFormat format = recording.format();
    int bytesPerSample = format.bytesPerSample();
    int header = WavWriter.header(format, 0).length;
    byte[] scrubbed = Files.readAllBytes(out);
    byte[] silence = new byte[bytesPerSample];
    format.encoding().encode((short) 0, silence, 0);
    for (DecodableCorpus.Planted tone : recording.tones()) {
      for (int i = tone.start(); i < tone.end(); i++) {
        int at = header + i * bytesPerSample;
        assertThat(
                java.util.Arrays.equals(
                    scrubbed, at, at + bytesPerSample, silence, 0, silence.length))
            .as(
                "%s: sample %d of the tone at twist %.0f dB, offset %.0f %% is silenced",
                out.getFileName(), i - tone.start(), tone.twistDb(), tone.offset() * 100)
            .isTrue();
      }
    }
  }
}

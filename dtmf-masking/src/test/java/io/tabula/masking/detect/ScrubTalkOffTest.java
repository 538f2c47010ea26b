package io.tabula.masking.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.RecordingScrubber;
import io.tabula.masking.audio.ScrubOptions;
import io.tabula.masking.audio.ScrubReport;
import io.tabula.masking.audio.WavWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scrubber's sensitive criterion costs: the share of audio that holds no DTMF at all but
 * is muted anyway, over an hour and more of espeak-ng speech (twelve voices, nine languages; linear
 * and through µ-law) and a quarter of an hour of synthetic music and call-progress tones. Must stay
 * under 0.1 %. Skipped, with the reason, without espeak-ng or sox.
 */
class ScrubTalkOffTest {

  private static final Path SPEECH = Path.of("target", "talkoff-speech");
  private static final Path MUSIC = Path.of("target", "scrub-music");
  private static final double MAX_MUTED_SHARE = 0.001;

  @TempDir Path dir;

  @Test
  void speechInManyVoicesIsAlmostNeverMuted() throws Exception {
    assumeTrue(
        SpeechCorpus.espeakAvailable(),
        "espeak-ng is not installed, so this test cannot make its speech: install it"
            + " (Debian: apt-get install espeak-ng) and run the tests again");
    Tally linear = new Tally();
    Tally mulaw = new Tally();
    for (Path batch : new SpeechCorpus(SPEECH).batches()) {
      short[] speech = SpeechCorpus.readRaw(batch);
      linear.add(scrub(speech, AudioEncoding.PCM_16));
      mulaw.add(scrub(speech, AudioEncoding.MULAW));
    }
    System.out.println("Scrub talk-off, speech linear: " + linear);
    System.out.println("Scrub talk-off, speech u-law:  " + mulaw);
    assertThat(linear.seconds).isGreaterThan(3600);
    assertThat(linear.share()).isLessThan(MAX_MUTED_SHARE);
    assertThat(mulaw.share()).isLessThan(MAX_MUTED_SHARE);
  }

  @Test
  void musicAndCallProgressTonesAreAlmostNeverMuted() throws Exception {
    assumeTrue(
        MusicCorpus.soxAvailable(),
        "sox is not installed, so this test cannot make its music: install it"
            + " (Debian: apt-get install sox) and run the tests again");
    Map<MusicCorpus.Style, Tally> byStyle = new EnumMap<>(MusicCorpus.Style.class);
    Tally music = new Tally();
    double duetOnGrid = 0;
    for (MusicCorpus.Piece piece : new MusicCorpus(MUSIC).pieces()) {
      short[] audio = SpeechCorpus.readRaw(piece.file());
      for (AudioEncoding encoding : List.of(AudioEncoding.PCM_16, AudioEncoding.MULAW)) {
        ScrubReport report = scrub(audio, encoding);
        byStyle.computeIfAbsent(piece.style(), style -> new Tally()).add(report);
        if (piece.style() == MusicCorpus.Style.SINE_DUET) {
          duetOnGrid += piece.onGridSeconds();
        } else {
          music.add(report);
        }
      }
    }
    byStyle.forEach(
        (style, tally) -> System.out.println("Scrub talk-off, " + style + ": " + tally));
    System.out.println("Scrub talk-off, music and call-progress tones: " + music);
    Tally duet = byStyle.get(MusicCorpus.Style.SINE_DUET);
    System.out.printf(
        Locale.ROOT,
        "Scrub talk-off, sine duet: %.2f s of its notes are two sines on the DTMF grid (a dual"
            + " tone by any measure); %.2f s muted%n",
        duetOnGrid,
        duet.mutedSeconds);
    assertThat(music.seconds).isGreaterThan(20 * 60);
    assertThat(music.share()).isLessThan(MAX_MUTED_SHARE);
    // Pure two-sine music mutes only where it is a dual tone: its on-grid notes and their guards.
    assertThat(duet.mutedSeconds).isLessThanOrEqualTo(duetOnGrid + duet.residues * 0.1);
  }

  private ScrubReport scrub(short[] audio, AudioEncoding encoding) throws IOException {
    Path file = dir.resolve("audio.wav");
    try (OutputStream out = Files.newOutputStream(file)) {
      WavWriter.start(out, new AudioFormat(encoding, 8000), audio.length)
          .write(audio, 0, audio.length);
    }
    return new RecordingScrubber(ScrubOptions.defaults())
        .scrub(file, OutputStream.nullOutputStream(), bytes -> {});
  }

  /** Seconds of audio, seconds muted, and how many stretches were muted. */
  private static final class Tally {
    double seconds;
    double mutedSeconds;
    long residues;
    long keys;

    void add(ScrubReport report) {
      seconds += report.audioSeconds();
      mutedSeconds += (double) report.mutedSamples() / report.format().sampleRate();
      residues += report.residues();
      keys += report.tones();
    }

    double share() {
      return mutedSeconds / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f min, %.2f s muted (%.4f %%), %d residues, %d Q.24 keys",
          seconds / 60,
          mutedSeconds,
          100 * share(),
          residues,
          keys);
    }
  }
}

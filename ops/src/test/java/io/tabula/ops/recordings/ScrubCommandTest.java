package io.tabula.ops.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.WavWriter;
import io.tabula.masking.detect.Dbm0;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScrubCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line =
        new CommandLine(new RecordingsCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  /** Three seconds of A-law with one 100 ms '#' key tone at 1 s. */
  private Path recordingWithOneTone() throws IOException {
    Path in = dir.resolve("call.wav");
    short[] audio = new short[24000];
    for (int i = 8000; i < 8800; i++) {
      double t = i / 8000.0;
      audio[i] =
          (short)
              (Dbm0.peak(-8)
                  * (Math.sin(2 * Math.PI * 941 * t) + Math.sin(2 * Math.PI * 1477 * t)));
    }
    try (OutputStream stream = Files.newOutputStream(in)) {
      WavWriter.start(stream, new AudioFormat(AudioEncoding.ALAW, 8000), audio.length)
          .write(audio, 0, audio.length);
    }
    return in;
  }

  @Test
  void scrubWritesASameSizeCopyWithoutTheToneAndPrintsTheSpeed() throws IOException {
    Path in = recordingWithOneTone();
    Path scrubbed = dir.resolve("scrubbed.wav");

    int exit = run("scrub", "--fill", "comfort_noise", in.toString(), scrubbed.toString());

    assertThat(exit).isZero();
    assertThat(Files.size(scrubbed)).isEqualTo(Files.size(in));
    assertThat(out.toString())
        .containsPattern(
            "Scrubbed 1 key tone and 1 dual tone a decoder could read \\(0\\.\\d+ s muted\\) from 3\\.0 s of alaw audio at 8000 Hz in \\d+ ms: \\d+x real time\\.");
    assertThat(err.toString()).contains("Scrubbing [");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("call.wav", "scrubbed.wav");
    }
  }

  @Test
  void inPlaceReplacesTheRecordingByItsScrubbedCopyAndLeavesNothingBeside() throws IOException {
    Path in = recordingWithOneTone();
    long size = Files.size(in);

    assertThat(run("scrub", "--in-place", in.toString())).isZero();

    assertThat(out.toString()).contains("Scrubbed 1 key tone");
    assertThat(Files.size(in)).isEqualTo(size);
    assertThat(run("scrub", "--in-place", in.toString())).isZero();
    assertThat(out.toString()).contains("Scrubbed 0 key tones");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("call.wav");
    }
  }

  @Test
  void inPlaceWithAnOutputOrNeitherIsRefused() throws IOException {
    Path in = recordingWithOneTone();
    assertThat(run("scrub", "--in-place", in.toString(), dir.resolve("out.wav").toString()))
        .isEqualTo(2);
    assertThat(run("scrub", in.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("either OUT or --in-place");
    assertThat(dir.resolve("out.wav")).doesNotExist();
  }

  @Test
  void notAudioIsRefusedWithAReasonAndNoOutput() throws IOException {
    Path in = dir.resolve("notes.wav");
    Files.writeString(in, "RIFF but not really a wave file at all");
    int exit = run("scrub", in.toString(), dir.resolve("out.wav").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("notes.wav: ");
    assertThat(dir.resolve("out.wav")).doesNotExist();
  }

  @Test
  void scrubbingAFileOntoItselfIsRefused() throws IOException {
    Path in = dir.resolve("call.wav");
    Files.write(in, WavWriter.header(new AudioFormat(AudioEncoding.PCM_16, 8000), 0));
    assertThat(run("scrub", in.toString(), in.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("same file");
  }
}

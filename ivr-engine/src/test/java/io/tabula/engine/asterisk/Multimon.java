package io.tabula.engine.asterisk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second opinion on key tones in a recording, independent of the project's detector: Debian's
 * {@code multimon-ng} DTMF decoder. It reads raw signed 16-bit mono at 22,050 Hz ({@code -t raw}),
 * so sox converts the recording first.
 *
 * <pre>{@code
 * List<String> keys = Multimon.dtmf(Path.of("call.wav"));   // e.g. ["1", "2"], empty when clean
 * }</pre>
 */
final class Multimon {

  private Multimon() {}

  static Optional<String> whyUnavailable() {
    for (String tool : List.of("multimon-ng", "sox")) {
      if (!PromptAudio.onPath(tool)) {
        return Optional.of(tool + " is not installed (apt-get install " + tool + ")");
      }
    }
    return Optional.empty();
  }

  /** The keys multimon-ng hears in the recording, in order. */
  static List<String> dtmf(Path recording) throws Exception {
    List<Process> pipeline =
        ProcessBuilder.startPipeline(
            List.of(
                new ProcessBuilder(
                        "sox",
                        recording.toString(),
                        "-t",
                        "raw",
                        "-r",
                        "22050",
                        "-e",
                        "signed-integer",
                        "-b",
                        "16",
                        "-c",
                        "1",
                        "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder("multimon-ng", "-q", "-a", "DTMF", "-t", "raw", "-")
                    .redirectErrorStream(true)));
    Process decoder = pipeline.getLast();
    String output = new String(decoder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (Process step : pipeline) {
      if (!step.waitFor(60, TimeUnit.SECONDS) || step.exitValue() != 0) {
        step.destroyForcibly();
        throw new IllegalStateException("sox | multimon-ng failed on " + recording + ": " + output);
      }
    }
    return output
        .lines()
        .filter(line -> line.startsWith("DTMF: "))
        .map(line -> line.substring(6).strip())
        .toList();
  }
}

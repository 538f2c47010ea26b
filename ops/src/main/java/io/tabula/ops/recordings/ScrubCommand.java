package io.tabula.ops.recordings;

import io.tabula.masking.audio.RecordingScrubber;
import io.tabula.masking.audio.ScrubOptions;
import io.tabula.masking.audio.ScrubReport;
import io.tabula.masking.audio.UnsupportedAudioException;
import io.tabula.ops.cli.ProgressBar;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula recordings scrub IN OUT}: writes a copy of a recording with every DTMF key tone
 * (and a guard around it) replaced by silence or comfort noise. OUT appears only when complete.
 * {@code --in-place} writes the copy beside IN and renames it over IN (Asterisk's MixMonitor runs
 * this on every recording it closes, see docker/asterisk/extensions.conf).
 */
@Command(
    name = "scrub",
    mixinStandardHelpOptions = true,
    description = {
      "Copy IN to OUT with every DTMF key tone, plus a guard on each side, replaced by silence"
          + " or comfort noise. Everything else is copied byte for byte.",
      "Reads WAV (16-bit PCM, u-law, A-law; 8 or 16 kHz) and raw 16-bit (.sln 8 kHz, .sln16"
          + " 16 kHz, or --raw-rate)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:scrubbed (with or without tones)", "2:bad arguments or unreadable input"})
final class ScrubCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "The recording to scrub.")
  Path input;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "OUT",
      description = "Where to write the scrubbed copy (not with --in-place).")
  Path output;

  @Option(
      names = "--in-place",
      description =
          "Replace IN by its scrubbed copy: written beside IN, then renamed over it, so IN is"
              + " never half-scrubbed.")
  boolean inPlace;

  @Option(names = "--guard-ms", defaultValue = "40", description = "Guard on each side of a tone.")
  int guardMillis;

  @Option(
      names = "--fill",
      defaultValue = "silence",
      description = "silence (default) or comfort_noise.")
  ScrubOptions.Fill fill;

  @Option(names = "--raw-rate", defaultValue = "0", description = "Sample rate of raw input.")
  int rawRate;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(input)) {
      err.printf("%s is not a file: give the path of a recording.%n", input);
      return 2;
    }
    if (inPlace == (output != null)) {
      err.println("Give either OUT or --in-place: where the scrubbed copy goes.");
      return 2;
    }
    if (inPlace) {
      output = input;
    } else if (Files.exists(output) && Files.isSameFile(input, output)) {
      err.println(
          "IN and OUT are the same file: write the scrubbed copy somewhere else, or use"
              + " --in-place.");
      return 2;
    }
    ProgressBar bar =
        new ProgressBar(err, "Scrubbing", Files.size(input), System.console() != null);
    Path absolute = output.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), ".scrub-", ".part");
    try {
      ScrubReport report;
      try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary))) {
        report =
            new RecordingScrubber(new ScrubOptions(guardMillis, fill, rawRate))
                .scrub(input, stream, bar::advance);
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      bar.finish();
      out.println(summary(report));
      out.flush();
      return 0;
    } catch (UnsupportedAudioException e) {
      err.printf("%s: %s%n", input, e.getMessage());
      return 2;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  static String summary(ScrubReport report) {
    return String.format(
        Locale.ROOT,
        "Scrubbed %d key tone%s and %d dual tone%s a decoder could read (%.3f s muted) from %.1f s"
            + " of %s audio at %d Hz in %.0f ms: %.0fx real time.",
        report.tones(),
        report.tones() == 1 ? "" : "s",
        report.residues(),
        report.residues() == 1 ? "" : "s",
        (double) report.mutedSamples() / report.format().sampleRate(),
        report.audioSeconds(),
        report.format().encoding().name().toLowerCase(Locale.ROOT),
        report.format().sampleRate(),
        report.elapsedNanos() / 1e6,
        report.timesRealTime());
  }
}

package io.tabula.masking.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool the tests use as an independent judge or source (multimon-ng, sox). */
final class ExternalTool {

  private ExternalTool() {}

  /** Whether an executable {@code name} is on the PATH. */
  static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command}, returns its standard output; standard error is discarded. */
  static String run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(command.getFirst() + " failed or timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(command.getFirst() + " interrupted", e);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The keys multimon-ng's DTMF decoder reads in a WAV file, in order ("" when none). */
  static String multimonKeys(java.nio.file.Path wav) throws IOException {
    String out = run(List.of("multimon-ng", "-q", "-c", "-a", "DTMF", "-t", "wav", wav.toString()));
    StringBuilder keys = new StringBuilder();
    for (String line : out.split("\n")) {
      if (line.startsWith("DTMF: ")) {
        keys.append(line.substring(6).trim());
      }
    }
    return keys.toString();
  }
}

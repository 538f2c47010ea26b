package io.tabula.engine.asterisk;

import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.PromptSound;
import io.tabula.ops.prompts.PromptsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Sound files for a test Asterisk, made the way an admin makes them: {@code tabula prompts render}
 * of the shipped flows with espeak-ng (what CI can install; the default voice, Festival HTS, is not
 * needed to prove delivery; Spanish with espeak-ng es-419, the default) into {@code
 * sounds/<lang>/tabula/<tenant>/<key>.wav}, beside links to Debian's core sounds
 * (asterisk-core-sounds-en-gsm and -es-gsm, for SAY DIGITS, SAY NUMBER and SAY DATETIME).
 *
 * <pre>{@code
 * PromptAudio.install(dir.sounds());
 * String sound = PromptAudio.soundOf("enter-card"); // tabula/city/...: what STREAM FILE names
 * }</pre>
 */
final class PromptAudio {

  static final Path CORE_SOUNDS =
      Path.of(
          System.getProperty(
              "tabula.asterisk.sounds", "/usr/share/asterisk/sounds/en_US_f_Allison"));

  /**
   * Debian's Spanish core sounds (asterisk-core-sounds-es-gsm): Mexican Spanish, linked as {@code
   * sounds/es}, where Asterisk looks on a channel whose language is es.
   */
  static final Path CORE_SOUNDS_ES =
      Path.of(
          System.getProperty(
              "tabula.asterisk.sounds.es", "/usr/share/asterisk/sounds/es_MX_f_Allison"));

  /** The flow whose prompts the callers of these tests answer. */
  static final Path CALLED_FLOW = RealAsteriskFiles.FLOWS.resolve("city/parking-ticket.yaml");

  private PromptAudio() {}

  /** Why prompts cannot be made here, if they cannot: a missing tool or the core sounds. */
  static Optional<String> whyUnavailable() {
    if (!Files.isDirectory(CORE_SOUNDS.resolve("digits"))) {
      return Optional.of(
          "no Asterisk core sounds at "
              + CORE_SOUNDS
              + " (apt-get install asterisk-core-sounds-en-gsm)");
    }
    if (!Files.isDirectory(CORE_SOUNDS_ES.resolve("digits"))) {
      return Optional.of(
          "no Spanish Asterisk core sounds at "
              + CORE_SOUNDS_ES
              + " (apt-get install asterisk-core-sounds-es-gsm)");
    }
    if (!onPath("espeak-ng")) {
      return Optional.of("espeak-ng is not installed (apt-get install espeak-ng)");
    }
    return Optional.empty();
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Links the core sounds into {@code sounds/en} and renders every prompt of the shipped flows (and
   * the engine's own) there with {@code tabula prompts render}.
   */
  static void install(Path sounds) throws Exception {
    link(CORE_SOUNDS, Files.createDirectories(sounds.resolve("en")));
    link(CORE_SOUNDS_ES, Files.createDirectories(sounds.resolve("es")));
    StringWriter said = new StringWriter();
    int exit =
        new CommandLine(new PromptsCommand())
            .setOut(new PrintWriter(said, true))
            .setErr(new PrintWriter(said, true))
            .execute(
                "render",
                "--sounds",
                sounds.toString(),
                "--flows",
                RealAsteriskFiles.FLOWS.toString(),
                "--engine",
                "espeak-ng");
    if (exit != 0) {
      throw new IllegalStateException("tabula prompts render exited " + exit + ": " + said);
    }
  }

  /** Links each entry of a core sounds folder into a language folder, beside the prompts. */
  private static void link(Path core, Path language) throws java.io.IOException {
    try (var entries = Files.list(core)) {
      for (Path entry : entries.toList()) {
        Files.createSymbolicLink(language.resolve(entry.getFileName().toString()), entry);
      }
    }
  }

  /** The sound name the engine plays for prompt {@code id} of the called flow. */
  static String soundOf(String id) {
    return soundOf(id, "en");
  }

  /**
   * The sound name the engine plays for prompt {@code id} of the called flow in {@code language}.
   */
  static String soundOf(String id, String language) {
    Flow flow;
    try {
      flow =
          FlowParser.parse(CALLED_FLOW.toString(), Files.readString(CALLED_FLOW))
              .flow()
              .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String text = flow.promptText(id, language);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("no prompt '" + id + "' in " + CALLED_FLOW);
    }
    return PromptSound.of(flow, language, id, text).sound();
  }
}

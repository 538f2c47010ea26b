package io.tabula.engine.asterisk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sound files for a test Asterisk: every prompt of the given flows spoken by espeak-ng and
 * converted by sox to 8 kHz 16-bit mono WAV, under {@code sounds/en/<prompt id>.wav} (the engine
 * plays a prompt by its id: {@code STREAM FILE <id>}), beside links to Debian's core sounds
 * (asterisk-core-sounds-en-gsm, for SAY DIGITS, SAY NUMBER and SAY DATE). A test helper, not the
 * way to make a deployment's prompts.
 *
 * <pre>{@code
 * PromptAudio.install(dir.sounds(), List.of(flows.resolve("city/parking-ticket.yaml")));
 * }</pre>
 */
final class PromptAudio {

  static final Path CORE_SOUNDS =
      Path.of(
          System.getProperty(
              "tabula.asterisk.sounds", "/usr/share/asterisk/sounds/en_US_f_Allison"));

  /**
   * Prompts the engine plays that no flow file lists: amounts (Speech.Units), the flow runner's
   * default apology and the call settings' rejection prompts (CallSettings).
   */
  static final Map<String, String> BUILT_IN =
      Map.of(
          "currency-usd-major", "dollars",
          "currency-usd-minor", "cents",
          "and", "and",
          "tabula-sorry",
              "Sorry, something went wrong. Let me connect you to someone who can help.",
          "tabula/not-available", "This service is not available. Goodbye.",
          "tabula/please-call-back", "All our lines are busy. Please call back later.");

  private PromptAudio() {}

  /** Why prompts cannot be made here, if they cannot: a missing tool or the core sounds. */
  static Optional<String> whyUnavailable() {
    if (!Files.isDirectory(CORE_SOUNDS.resolve("digits"))) {
      return Optional.of(
          "no Asterisk core sounds at "
              + CORE_SOUNDS
              + " (apt-get install asterisk-core-sounds-en-gsm)");
    }
    for (String tool : List.of("espeak-ng", "sox")) {
      if (!onPath(tool)) {
        return Optional.of(tool + " is not installed (apt-get install " + tool + ")");
      }
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

  /** Links the core sounds into {@code sounds/en} and renders every prompt of the flows there. */
  static Map<String, String> install(Path sounds, List<Path> flowFiles) throws Exception {
    Path en = Files.createDirectories(sounds.resolve("en"));
    try (var entries = Files.list(CORE_SOUNDS)) {
      for (Path entry : entries.toList()) {
        Files.createSymbolicLink(en.resolve(entry.getFileName().toString()), entry);
      }
    }
    Map<String, String> prompts = prompts(flowFiles);
    for (Map.Entry<String, String> prompt : prompts.entrySet()) {
      render(prompt.getValue(), en.resolve(prompt.getKey() + ".wav"));
    }
    return prompts;
  }

  /** Prompt id to text; a flow that gives an id another text than an earlier flow is refused. */
  static Map<String, String> prompts(List<Path> flowFiles) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, String> prompts = new LinkedHashMap<>(BUILT_IN);
    for (Path file : flowFiles) {
      JsonNode flow = yaml.readTree(file.toFile());
      for (Map.Entry<String, JsonNode> prompt : flow.path("prompts").properties()) {
        String earlier = prompts.putIfAbsent(prompt.getKey(), prompt.getValue().asText());
        if (earlier != null && !earlier.equals(prompt.getValue().asText())) {
          throw new IllegalArgumentException(
              "prompt '"
                  + prompt.getKey()
                  + "' of "
                  + file
                  + " says something else than in an earlier flow; one Asterisk has one file per"
                  + " id, so render these flows into separate sound folders");
        }
      }
    }
    return prompts;
  }

  private static void render(String text, Path wav) throws Exception {
    Files.createDirectories(wav.getParent());
    List<Process> pipeline =
        ProcessBuilder.startPipeline(
            List.of(
                new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "220", "--stdout", text)
                    .redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder(
                        "sox",
                        "-t",
                        "wav",
                        "-",
                        "-r",
                        "8000",
                        "-b",
                        "16",
                        "-c",
                        "1",
                        "-e",
                        "signed-integer",
                        wav.toString())
                    .redirectErrorStream(true)));
    for (Process step : pipeline) {
      if (!step.waitFor(30, TimeUnit.SECONDS) || step.exitValue() != 0) {
        step.destroyForcibly();
        throw new IllegalStateException("espeak-ng | sox failed for " + wav.getFileName());
      }
    }
  }
}

package io.tabula.engine.docker;

import static io.tabula.engine.docker.StackFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabula.engine.cli.TabulaCommand;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.config.PromptsSettings;
import io.tabula.ops.prompts.PlayedPrompt;
import io.tabula.ops.prompts.PromptCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the compose stack delivers prompts to Asterisk, checked offline (no Docker here): the
 * one-shot 'prompts' service writes the 'prompts' volume where its script renders, Asterisk mounts
 * it read-only as {@code <astdatadir>/sounds}, the engine mounts it where {@code
 * prompts.soundsDirs} says and requires every prompt there, both wait for the render to end well,
 * and the Asterisk image installs the core sounds the script links. The script itself runs here
 * against this machine's Debian core sounds, with {@code cp} standing in for text-to-speech.
 */
class ComposePromptsTest {

  /** Asterisk's default astdatadir (no asterisk.conf in docker/asterisk changes it). */
  private static final String ASTDATADIR = "/var/lib/asterisk";

  private static final Path CORE = Path.of("/usr/share/asterisk/sounds");

  private final JsonNode compose = StackFiles.compose();

  /** The container path the service mounts the volume {@code volume} at, with its options. */
  private Optional<String[]> mountOf(String service, String volume) {
    for (JsonNode spec : compose.at("/services/" + service + "/volumes")) {
      String[] parts = spec.asText().split(":");
      if (parts[0].equals(volume)) {
        return Optional.of(parts);
      }
    }
    return Optional.empty();
  }

  private static String scriptDefault(String variable) throws IOException {
    Matcher value =
        Pattern.compile("\\w+=\\$\\{" + variable + ":-([^}]+)}")
            .matcher(Files.readString(DOCKER.resolve("prompts-render.sh")));
    assertThat(value.find()).as("prompts-render.sh sets " + variable).isTrue();
    return value.group(1);
  }

  @Test
  void asteriskTheEngineAndTheRenderAgreeWhereThePromptsAre() throws IOException {
    assertThat(DOCKER.resolve("asterisk")).isDirectoryNotContaining("glob:**/asterisk.conf");
    String sounds = ASTDATADIR + "/sounds";
    assertThat(compose.path("volumes").has("prompts")).isTrue();

    String[] rendered = mountOf("prompts", "prompts").orElseThrow();
    assertThat(rendered[1]).isEqualTo(scriptDefault("TABULA_SOUNDS")).isEqualTo(sounds);
    assertThat(rendered).hasSize(2).as("the render writes the volume");

    String[] asterisk = mountOf("asterisk", "prompts").orElseThrow();
    assertThat(asterisk).containsExactly("prompts", sounds, "ro");

    String[] engine = mountOf("engine", "prompts").orElseThrow();
    assertThat(engine[2]).isEqualTo("ro");
    EngineConfig config = EngineConfigLoader.load(DOCKER.resolve("engine/tabula.yaml"), Map.of());
    assertThat(config.flows().prompts().soundsDirs()).containsExactly(engine[1]);
    assertThat(config.flows().prompts().check()).isEqualTo(PromptsSettings.Check.REQUIRED);
  }

  @Test
  void asteriskAndTheEngineStartOnlyAfterTheRenderEndedWell() {
    for (String service : List.of("asterisk", "engine")) {
      assertThat(compose.at("/services/" + service + "/depends_on/prompts/condition").asText())
          .as(service)
          .isEqualTo("service_completed_successfully");
    }
    assertThat(compose.at("/services/prompts/image").asText())
        .isEqualTo(compose.at("/services/asterisk/image").asText());
    assertThat(compose.at("/services/prompts/command").toString()).contains("tabula-prompts.sh");
    assertThat(mountOf("prompts", "./prompts-render.sh").orElseThrow()[1])
        .isEqualTo("/usr/local/bin/tabula-prompts.sh");
  }

  @Test
  void theAsteriskImageInstallsTheCoreSoundsTheScriptLinksAndTheDefaultVoice() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    String stage = dockerfile.substring(dockerfile.indexOf("AS asterisk"));
    stage = stage.substring(0, stage.indexOf("\nFROM "));
    for (String language : scriptDefault("TABULA_CORE_LANGUAGES").split(" ")) {
      assertThat(stage).contains("asterisk-core-sounds-" + language + "-gsm");
    }
    assertThat(scriptDefault("TABULA_CORE_SOUNDS")).isEqualTo(CORE.toString());
    // What 'tabula prompts render' uses by default (docs/prompts.md).
    assertThat(stage).contains("festival").contains("festvox-us-slt-hts");
  }

  @Test
  void theTestOverrideRendersShortTonesSoTheScriptedCallersTimingHolds() {
    JsonNode override = StackFiles.yaml(DOCKER.resolve("compose.test.yaml"));
    assertThat(override.at("/services/prompts/command").toString())
        .contains("tabula-prompts.sh")
        .contains("--engine-command");
  }

  @Test
  void theScriptRendersLinksTheCoreSoundsAndChecks(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isRegularFile(CORE.resolve("en/digits/40.gsm"))
            && Files.isRegularFile(CORE.resolve("es/digits/40.gsm")),
        "Debian's core sounds: apt-get install asterisk-core-sounds-en-gsm asterisk-core-sounds-es-gsm");
    Path sounds = dir.resolve("sounds");
    Path tone = dir.resolve("tone.wav");
    writeTone(tone);
    Path tabula = dir.resolve("tabula");
    Files.writeString(
        tabula,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + TabulaCommand.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(tabula, PosixFilePermissions.fromString("rwx------"));

    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                DOCKER.resolve("prompts-render.sh").toString(),
                "--engine-command",
                "cp " + tone + " {wav}")
            .redirectErrorStream(true);
    builder.environment().put("TABULA_SOUNDS", sounds.toString());
    builder.environment().put("TABULA_COMMAND", tabula.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("0 missing");
    assertThat(sounds.resolve("en/digits/40.gsm")).isRegularFile();
    assertThat(sounds.resolve("es/digits/40.gsm")).isRegularFile();
    assertThat(Files.isSymbolicLink(sounds.resolve("en/digits"))).isTrue();
    assertThat(Files.isSymbolicLink(sounds.resolve("en/tabula"))).isFalse();
    List<PlayedPrompt> prompts = new ArrayList<>();
    for (String file : io.tabula.flows.store.ShippedFlowFiles.names()) {
      prompts.addAll(
          PlayedPrompt.of(
              io.tabula.flows.parse.FlowParser.parse(
                      file, io.tabula.flows.store.ShippedFlowFiles.read(file).orElseThrow())
                  .flow()
                  .orElseThrow()));
    }
    assertThat(PromptCheck.missing(List.of(sounds), prompts)).isEmpty();
    unlinkCoreSounds(sounds);
  }

  /** Removes the links, which JUnit would warn about one by one when it cleans the folder. */
  private static void unlinkCoreSounds(Path sounds) throws IOException {
    for (Path language : List.of(sounds.resolve("en"), sounds.resolve("es"))) {
      try (var entries = Files.list(language)) {
        for (Path entry : entries.filter(Files::isSymbolicLink).toList()) {
          Files.delete(entry);
        }
      }
    }
  }

  private static void writeTone(Path file) throws Exception {
    int rate = 8000;
    byte[] pcm = new byte[rate];
    for (int i = 0; i < rate / 2; i++) {
      short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
    }
    javax.sound.sampled.AudioFormat format =
        new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
    try (javax.sound.sampled.AudioInputStream in =
        new javax.sound.sampled.AudioInputStream(
            new java.io.ByteArrayInputStream(pcm), format, rate / 2)) {
      javax.sound.sampled.AudioSystem.write(
          in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}

package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.config.PromptsSettings;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.flows.PromptSounds;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.ops.prompts.PlayedPrompt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * serve refuses to start while it cannot tell that Asterisk has a sound file for each prompt it may
 * play: no folder to look in, or prompts without a file. Both say what to set.
 */
class ServePromptCheckTest {

  /** So that serve's own pre-flight (no AMI link) lets it reach the prompt check. */
  private static final String NO_RECORDING = "recording: none\n";

  private final StringWriter err = new StringWriter();

  private int serve(Path config) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute("serve", "--demo", "--config", config.toString());
  }

  @Test
  void withoutSoundsFoldersServeDoesNotStartAndSaysWhatToSet(@TempDir Path folder)
      throws Exception {
    Path config =
        Files.writeString(folder.resolve("tabula.yaml"), "agi:\n  port: 0\n" + NO_RECORDING);

    assertThat(serve(config)).isEqualTo(2);
    assertThat(err.toString())
        .contains("prompts.soundsDirs is not set")
        .contains("prompts.check: off");
  }

  @Test
  void withASoundsFolderThatLacksPromptsServeNamesThemAndDoesNotStart(@TempDir Path folder)
      throws Exception {
    Path sounds = Files.createDirectories(folder.resolve("sounds"));
    try (EngineFlows flows =
        EngineFlows.open(
            new FlowsSettings("", Duration.ofSeconds(5)),
            DemoConnectors.create(Clock.systemUTC()))) {
      for (PlayedPrompt prompt : ServeCommand.playedPrompts(flows, EngineConfig.defaults())) {
        if (!(prompt.owner().equals("city/parking-ticket")
            && prompt.id().equals("enter-card")
            && prompt.language().equals("en"))) {
          // Each in its language's folder: the shipped flows speak English and Spanish.
          Path file = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
          Files.createDirectories(file.getParent());
          Files.write(file, new byte[] {1});
        }
      }
    }
    Path config =
        Files.writeString(
            folder.resolve("tabula.yaml"),
            "agi:\n  port: 0\n"
                + NO_RECORDING
                + "prompts:\n  soundsDirs: "
                + folder.resolve("sounds")
                + "\n");

    assertThat(serve(config)).isEqualTo(2);
    assertThat(err.toString())
        .containsPattern("1 of \\d+ prompt sounds are missing in")
        .contains(
            ": city/parking-ticket: enter-card (en) -> en/"
                + io.tabula.flows.run.PromptSound.name(
                    "city", "en", "Please enter your card number, then press pound.")
                + ".wav;")
        .contains("prompts.check: warn");
  }

  @Test
  void whatTabulaPromptsRenderMakesIsEverythingServeChecks(@TempDir Path folder) throws Exception {
    Path tone = folder.resolve("tone.wav");
    writeTone(tone);
    Path sounds = folder.resolve("sounds");
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(err));
    int rendered =
        commandLine.execute(
            "prompts",
            "render",
            "--sounds",
            sounds.toString(),
            "--engine-command",
            "cp " + tone + " {wav}");
    assertThat(rendered).as(err.toString()).isEqualTo(0);

    PromptsSettings settings =
        new PromptsSettings(
            List.of(sounds.toString()), PromptsSettings.Check.REQUIRED, List.of("en"));
    try (EngineFlows flows =
        EngineFlows.open(
            new FlowsSettings("", Duration.ofSeconds(5)),
            DemoConnectors.create(Clock.systemUTC()))) {
      assertThat(
              PromptSounds.check(
                  settings, ServeCommand.playedPrompts(flows, EngineConfig.defaults())))
          .isEmpty();
    }
  }

  private static void writeTone(Path file) throws Exception {
    int rate = 8000;
    byte[] pcm = new byte[rate * 2];
    for (int i = 0; i < rate; i++) {
      short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
    }
    javax.sound.sampled.AudioFormat format =
        new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
    try (javax.sound.sampled.AudioInputStream in =
        new javax.sound.sampled.AudioInputStream(
            new java.io.ByteArrayInputStream(pcm), format, rate)) {
      javax.sound.sampled.AudioSystem.write(
          in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}

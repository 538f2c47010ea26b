package io.tabula.engine.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.PromptsSettings;
import io.tabula.ops.prompts.PlayedPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt sound check looks where Asterisk 22.10.1 looks (checked by hand against it): {@code
 * <sounds>/<language>/<name>.<format>}, then {@code <sounds>/<name>.<format>}; a flow's prompt is
 * named {@code tabula/<tenant>/<key>}, the engine's own prompts by their configured name in each
 * checked language.
 */
class PromptSoundsTest {

  private static PlayedPrompt flowPrompt(String id, String sound) {
    return new PlayedPrompt("city/parking-ticket", "city", id, "en", "words", sound);
  }

  @Test
  void aPromptIsFoundInItsLanguageFolderOrWithoutALanguage(@TempDir Path sounds) throws Exception {
    Files.createDirectories(sounds.resolve("en/tabula/city"));
    Files.write(sounds.resolve("en/tabula/city/aaaa.wav"), new byte[] {1});
    Files.write(sounds.resolve("en/tabula/goodbye.gsm"), new byte[] {1});
    Files.write(sounds.resolve("beep.sln"), new byte[] {1});
    Files.write(sounds.resolve("en/tabula/city/bbbb"), new byte[] {1}); // no format: ignored
    PromptsSettings settings =
        new PromptsSettings(
            List.of(sounds.toString()), PromptsSettings.Check.REQUIRED, List.of("en", "es"));
    List<PlayedPrompt> prompts = new ArrayList<>();
    prompts.add(flowPrompt("welcome", "tabula/city/aaaa"));
    prompts.add(flowPrompt("enter-card", "tabula/city/bbbb"));
    prompts.addAll(PromptSounds.engine(settings, "tabula/goodbye", "Goodbye."));
    prompts.addAll(PromptSounds.engine(settings, "beep", ""));

    assertThat(PromptSounds.missing(settings, prompts))
        .containsExactly("city/parking-ticket: enter-card (en)", "engine: tabula/goodbye (es)");
  }

  @Test
  void requiredRefusesWarnAndOffStart(@TempDir Path sounds) {
    List<PlayedPrompt> prompts = List.of(flowPrompt("enter-card", "tabula/city/bbbb"));
    List<String> dirs = List.of(sounds.toString());

    assertThat(
            PromptSounds.check(
                new PromptsSettings(dirs, PromptsSettings.Check.REQUIRED, List.of("en")), prompts))
        .get()
        .asString()
        .contains("city/parking-ticket: enter-card (en)")
        .contains("tabula prompts render");
    assertThat(
            PromptSounds.check(
                new PromptsSettings(dirs, PromptsSettings.Check.WARN, List.of("en")), prompts))
        .isEmpty();
    assertThat(
            PromptSounds.check(
                new PromptsSettings(List.of(), PromptsSettings.Check.OFF, List.of("en")), prompts))
        .isEmpty();
  }

  @Test
  void theGateHoldsBackAVersionPublishedWhileServingUntilItsPromptsHaveSoundFiles(
      @TempDir Path sounds) throws Exception {
    io.tabula.flows.model.Flow flow =
        io.tabula.flows.parse.FlowParser.parse(
                "parking-ticket.yaml",
                io.tabula.flows.store.ShippedFlowFiles.read("city/parking-ticket.yaml")
                    .orElseThrow())
            .flow()
            .orElseThrow();
    List<String> dirs = List.of(sounds.toString());
    var required =
        PromptSounds.gate(new PromptsSettings(dirs, PromptsSettings.Check.REQUIRED, List.of("en")));

    assertThat(required.refusal(flow))
        .get()
        .asString()
        .contains("city/parking-ticket: approved (en) -> en/tabula/city/")
        .contains("tabula prompts render --sounds <dir> --tenant city --flow parking-ticket");
    assertThat(
            PromptSounds.gate(new PromptsSettings(dirs, PromptsSettings.Check.WARN, List.of("en")))
                .refusal(flow))
        .isEmpty();

    for (PlayedPrompt prompt : PlayedPrompt.of(flow)) {
      Path file = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {1});
    }
    assertThat(required.refusal(flow)).isEmpty();
  }
}

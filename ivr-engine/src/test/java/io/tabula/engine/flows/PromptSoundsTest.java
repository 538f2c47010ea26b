package io.tabula.engine.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.PromptsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt sound check looks where Asterisk 22.10.1 looks (checked by hand against it): {@code
 * <sounds>/<language>/<prompt>.<format>}, then {@code <sounds>/<prompt>.<format>}.
 */
class PromptSoundsTest {

  @Test
  void aPromptIsFoundInItsLanguageFolderOrWithoutALanguage(@TempDir Path sounds) throws Exception {
    Files.createDirectories(sounds.resolve("en/tabula"));
    Files.write(sounds.resolve("en/welcome.wav"), new byte[] {1});
    Files.write(sounds.resolve("en/tabula/goodbye.gsm"), new byte[] {1});
    Files.write(sounds.resolve("beep.sln"), new byte[] {1});
    Files.write(sounds.resolve("en/enter-card"), new byte[] {1}); // no format: Asterisk ignores it
    PromptsSettings settings =
        new PromptsSettings(
            List.of(sounds.toString()), PromptsSettings.Check.REQUIRED, List.of("en", "es"));

    assertThat(
            PromptSounds.missing(
                settings, List.of("welcome", "tabula/goodbye", "beep", "enter-card")))
        .containsExactly(
            "enter-card (en)", "enter-card (es)", "tabula/goodbye (es)", "welcome (es)");
  }

  @Test
  void requiredRefusesWarnAndOffStart(@TempDir Path sounds) {
    List<String> ids = List.of("enter-card");
    List<String> dirs = List.of(sounds.toString());

    assertThat(
            PromptSounds.check(
                new PromptsSettings(dirs, PromptsSettings.Check.REQUIRED, List.of("en")), ids))
        .get()
        .asString()
        .contains("enter-card (en)");
    assertThat(
            PromptSounds.check(
                new PromptsSettings(dirs, PromptsSettings.Check.WARN, List.of("en")), ids))
        .isEmpty();
    assertThat(
            PromptSounds.check(
                new PromptsSettings(List.of(), PromptsSettings.Check.OFF, List.of("en")), ids))
        .isEmpty();
  }
}

package io.tabula.ops.prompts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which prompts Asterisk has no sound file for, looked up where Asterisk looks (checked against
 * Asterisk 22.10.1): a relative name {@code n} in language {@code en} is {@code
 * <sounds>/en/n.<format>}, else {@code <sounds>/n.<format>}; an absolute name is that path. Without
 * the file Asterisk answers {@code result=-1} and the caller hears silence. {@code tabula prompts
 * check} and serve's start-up check both use this rule.
 *
 * <pre>{@code
 * List<PlayedPrompt> silent = PromptCheck.missing(List.of(Path.of("/var/lib/asterisk/sounds")), prompts);
 * silent.forEach(p -> System.out.println(p.label())); // city/parking-ticket: enter-card (en)
 * }</pre>
 */
public final class PromptCheck {

  private PromptCheck() {}

  /** Each prompt without a sound file in any of {@code soundsDirs}, sorted by its label. */
  public static List<PlayedPrompt> missing(
      List<Path> soundsDirs, Collection<PlayedPrompt> prompts) {
    List<PlayedPrompt> missing = new ArrayList<>();
    for (PlayedPrompt prompt : prompts) {
      if (!found(soundsDirs, prompt.language(), prompt.sound())) {
        missing.add(prompt);
      }
    }
    missing.sort(Comparator.comparing(PlayedPrompt::label));
    return missing;
  }

  /** Whether Asterisk would find {@code sound} for a call in {@code language}. */
  public static boolean found(List<Path> soundsDirs, String language, String sound) {
    if (sound.startsWith("/")) {
      return hasSoundFile(Path.of(sound));
    }
    for (Path root : soundsDirs) {
      if (hasSoundFile(root.resolve(language).resolve(sound))
          || hasSoundFile(root.resolve(sound))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code base} plus any extension ({@code base.wav}, {@code base.gsm}, ...) exists. */
  private static boolean hasSoundFile(Path base) {
    Path folder = base.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return false;
    }
    String prefix = base.getFileName() + ".";
    DirectoryStream.Filter<Path> sound =
        file -> {
          String name = file.getFileName().toString();
          return name.startsWith(prefix)
              && name.length() > prefix.length()
              && name.indexOf('.', prefix.length()) < 0;
        };
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, sound)) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}

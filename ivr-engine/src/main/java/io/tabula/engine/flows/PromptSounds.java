package io.tabula.engine.flows;

import io.tabula.engine.config.PromptsSettings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * serve's start-up check that Asterisk has a sound file for every prompt the engine may play,
 * looked up where Asterisk looks (checked against Asterisk 22.10.1): prompt {@code p} in language
 * {@code en} is {@code <sounds>/en/p.<format>}, else {@code <sounds>/p.<format>}; an absolute id is
 * that path. Without the file Asterisk answers {@code result=-1} and the caller hears silence.
 *
 * <pre>{@code
 * Optional<String> refusal = PromptSounds.check(settings.flows().prompts(), promptIds);
 * }</pre>
 */
public final class PromptSounds {

  private static final Logger LOG = LoggerFactory.getLogger(PromptSounds.class);
  private static final int LISTED = 10;

  private PromptSounds() {}

  /**
   * Runs the check as configured and logs what it found.
   *
   * @return why serve must not start, or empty
   */
  public static Optional<String> check(PromptsSettings settings, Collection<String> promptIds) {
    if (settings.check() == PromptsSettings.Check.OFF) {
      LOG.warn(
          "Prompt sound check skipped (prompts.check: off): nothing checks that Asterisk has a"
              + " sound file for each of the {} prompts; a missing one is logged per call and"
              + " counted in tabula.prompts.missing",
          promptIds.size());
      return Optional.empty();
    }
    if (settings.soundsDirs().isEmpty()) {
      return Optional.of(
          "prompts.soundsDirs is not set, so the engine cannot check that Asterisk has a sound"
              + " file for each of its "
              + promptIds.size()
              + " prompts; set it to Asterisk's sounds folder as this engine sees it (a shared"
              + " volume), or prompts.check: off when the engine cannot see Asterisk's files");
    }
    List<String> missing = missing(settings, promptIds);
    if (missing.isEmpty()) {
      LOG.info(
          "Prompt sounds: all {} prompts found in {} for language(s) {}",
          promptIds.size(),
          settings.soundsDirs(),
          settings.languages());
      return Optional.empty();
    }
    String problem =
        missing.size()
            + " of "
            + promptIds.size() * settings.languages().size()
            + " prompt sounds are missing in "
            + settings.soundsDirs()
            + ": "
            + String.join(", ", missing.subList(0, Math.min(LISTED, missing.size())))
            + (missing.size() > LISTED ? ", ..." : "")
            + "; add <dir>/<language>/<prompt>.wav (8 kHz 16-bit mono) or another format Asterisk"
            + " reads";
    if (settings.check() == PromptsSettings.Check.WARN) {
      LOG.warn("{} (prompts.check: warn, so the engine starts anyway)", problem);
      return Optional.empty();
    }
    return Optional.of(problem + ", or set prompts.check: warn to start anyway");
  }

  /** Each prompt without a file, as {@code <prompt> (<language>)}, sorted. */
  static List<String> missing(PromptsSettings settings, Collection<String> promptIds) {
    List<String> missing = new ArrayList<>();
    for (String id : new TreeSet<>(promptIds)) {
      for (String language : settings.languages()) {
        if (!found(settings.soundsDirs(), language, id)) {
          missing.add(id + " (" + language + ")");
        }
      }
    }
    return missing;
  }

  private static boolean found(List<String> dirs, String language, String id) {
    if (id.startsWith("/")) {
      return hasSoundFile(Path.of(id));
    }
    for (String dir : dirs) {
      Path root = Path.of(dir);
      if (hasSoundFile(root.resolve(language).resolve(id)) || hasSoundFile(root.resolve(id))) {
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
          return name.startsWith(prefix) && name.length() > prefix.length();
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

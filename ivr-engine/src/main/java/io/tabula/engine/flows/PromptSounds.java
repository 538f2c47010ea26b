package io.tabula.engine.flows;

import io.tabula.engine.config.PromptsSettings;
import io.tabula.ops.prompts.PlayedPrompt;
import io.tabula.ops.prompts.PromptCheck;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * serve's start-up check that Asterisk has a sound file for every prompt the engine may play, by
 * the rule {@code tabula prompts check} applies ({@link PromptCheck}): a flow's prompt is {@code
 * <sounds>/<language>/tabula/<tenant>/<key>.<format>} in the language of its words, the engine's
 * own prompts ({@code tabula/not-available}) are {@code <sounds>/<language>/<name>.<format>} in
 * each of {@code prompts.languages}. Without the file Asterisk answers {@code result=-1} and the
 * caller hears silence.
 *
 * <pre>{@code
 * Optional<String> refusal = PromptSounds.check(settings.flows().prompts(), prompts);
 * }</pre>
 */
public final class PromptSounds {

  private static final Logger LOG = LoggerFactory.getLogger(PromptSounds.class);
  private static final int LISTED = 10;

  private PromptSounds() {}

  /**
   * Runs the check as configured and logs what it found.
   *
   * @param prompts every prompt serve may play ({@link PlayedPrompt#of} for each flow, {@link
   *     PlayedPrompt#engine} for the engine's own)
   * @return why serve must not start, or empty
   */
  public static Optional<String> check(PromptsSettings settings, Collection<PlayedPrompt> prompts) {
    if (settings.check() == PromptsSettings.Check.OFF) {
      LOG.warn(
          "Prompt sound check skipped (prompts.check: off): nothing checks that Asterisk has a"
              + " sound file for each of the {} prompts; a missing one is logged per call and"
              + " counted in tabula.prompts.missing",
          prompts.size());
      return Optional.empty();
    }
    if (settings.soundsDirs().isEmpty()) {
      return Optional.of(
          "prompts.soundsDirs is not set, so the engine cannot check that Asterisk has a sound"
              + " file for each of its "
              + prompts.size()
              + " prompts; set it to Asterisk's sounds folder as this engine sees it (a shared"
              + " volume), or prompts.check: off when the engine cannot see Asterisk's files");
    }
    List<String> missing = missingFiles(settings, prompts);
    if (missing.isEmpty()) {
      LOG.info("Prompt sounds: all {} prompts found in {}", prompts.size(), settings.soundsDirs());
      return Optional.empty();
    }
    String problem =
        missing.size()
            + " of "
            + prompts.size()
            + " prompt sounds are missing in "
            + settings.soundsDirs()
            + ": "
            + String.join(", ", missing.subList(0, Math.min(LISTED, missing.size())))
            + (missing.size() > LISTED ? ", ..." : "")
            + "; make them with tabula prompts render --sounds <dir> (or import), list them all"
            + " with tabula prompts check <dir>";
    if (settings.check() == PromptsSettings.Check.WARN) {
      LOG.warn("{} (prompts.check: warn, so the engine starts anyway)", problem);
      return Optional.empty();
    }
    return Optional.of(problem + ", or set prompts.check: warn to start anyway");
  }

  /**
   * The check for versions published while serve runs ({@link
   * io.tabula.flows.store.PublishedFlows#admitOnly}): with {@code prompts.check: required} a new
   * version whose prompts lack a sound file waits (the version live keeps serving) and goes live at
   * the first poll after its audio is there; with {@code warn} it goes live and the missing prompts
   * are logged; with {@code off} nothing is checked.
   */
  public static io.tabula.flows.store.PublishedFlows.Gate gate(PromptsSettings settings) {
    if (settings.check() == PromptsSettings.Check.OFF || settings.soundsDirs().isEmpty()) {
      return flow -> Optional.empty();
    }
    return flow -> {
      List<String> missing = missingFiles(settings, PlayedPrompt.of(flow));
      if (missing.isEmpty()) {
        return Optional.empty();
      }
      String problem =
          missing.size()
              + " prompt sound(s) missing in "
              + settings.soundsDirs()
              + ": "
              + String.join(", ", missing.subList(0, Math.min(LISTED, missing.size())))
              + (missing.size() > LISTED ? ", ..." : "")
              + "; make them with tabula prompts render --sounds <dir> --tenant "
              + flow.tenant()
              + " --flow "
              + flow.name();
      if (settings.check() == PromptsSettings.Check.WARN) {
        LOG.warn("{} (prompts.check: warn, so the version goes live anyway)", problem);
        return Optional.empty();
      }
      return Optional.of(problem);
    };
  }

  /** The engine's own prompt {@code name} saying {@code text}, once per checked language. */
  public static List<PlayedPrompt> engine(PromptsSettings settings, String name, String text) {
    return settings.languages().stream()
        .map(language -> PlayedPrompt.engine(name, text, language))
        .toList();
  }

  /**
   * Each prompt without a file with the file Asterisk looks for, as {@code city/parking-ticket:
   * enter-card (en) -> en/tabula/city/6f00....wav}, sorted.
   */
  static List<String> missingFiles(PromptsSettings settings, Collection<PlayedPrompt> prompts) {
    List<Path> dirs = settings.soundsDirs().stream().map(Path::of).toList();
    return PromptCheck.missing(dirs, prompts).stream()
        .map(p -> p.label() + " -> " + p.language() + "/" + p.sound() + ".wav")
        .toList();
  }

  /** Each prompt without a file, as {@code city/parking-ticket: enter-card (en)}, sorted. */
  static List<String> missing(PromptsSettings settings, Collection<PlayedPrompt> prompts) {
    List<Path> dirs = settings.soundsDirs().stream().map(Path::of).toList();
    return PromptCheck.missing(dirs, prompts).stream().map(PlayedPrompt::label).toList();
  }
}

package io.tabula.ops.prompts;

import io.tabula.ops.cli.ProgressBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes the audio of content-keyed prompts with a text-to-speech engine, one file per distinct
 * words: a file already there in the same voice is skipped (so a second run does nothing), a studio
 * recording is never replaced, a file in another voice is made again.
 */
final class PromptRenderer {

  private final PromptAudioStore store;
  private final SpeechEngine engine;

  /**
   * What a run did, counted in files (prompts with the same words share one).
   *
   * @param rendered files made now
   * @param present files already there in this voice
   * @param studio studio recordings kept
   * @param failures one line per file that could not be made
   */
  record Summary(int rendered, int present, int studio, List<String> failures) {}

  PromptRenderer(PromptAudioStore store, SpeechEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  Summary render(List<PlayedPrompt> prompts, ProgressBar progress) throws IOException {
    Map<Path, List<PlayedPrompt>> byFile = new LinkedHashMap<>();
    for (PlayedPrompt prompt : prompts) {
      byFile.computeIfAbsent(store.wav(prompt), f -> new ArrayList<>()).add(prompt);
    }
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    List<String> failures = new ArrayList<>();
    Path work = Files.createTempDirectory("tabula-render");
    try {
      for (Map.Entry<Path, List<PlayedPrompt>> file : byFile.entrySet()) {
        Outcome outcome = renderFile(file.getKey(), file.getValue(), work, failures);
        counts.merge(outcome, 1, Integer::sum);
        progress.advance(1);
      }
    } finally {
      deleteTree(work);
      store.save();
    }
    progress.finish();
    return new Summary(
        counts.getOrDefault(Outcome.RENDERED, 0),
        counts.getOrDefault(Outcome.PRESENT, 0),
        counts.getOrDefault(Outcome.STUDIO, 0),
        failures);
  }

  private enum Outcome {
    RENDERED,
    PRESENT,
    STUDIO,
    FAILED
  }

  /**
   * The engine for {@code language}: the chosen one when it speaks it, else that language's default
   * voice (Spanish: espeak-ng {@code es-419} beside the English-only Festival), else the chosen
   * one, which then fails with what to do.
   */
  private SpeechEngine engineFor(String language) {
    return engine.speaks(language) ? engine : BuiltInEngine.defaultFor(language).orElse(engine);
  }

  /** One file that {@code sharing} prompts (same words) play: keep it or make it. */
  private Outcome renderFile(
      Path file, List<PlayedPrompt> sharing, Path work, List<String> failures) throws IOException {
    PlayedPrompt first = sharing.getFirst();
    String voice = engineFor(first.language()).voiceFor(first.language());
    // The voice the file there was made in; "" for a file the manifest does not know.
    Optional<String> existing =
        Files.isRegularFile(file)
            ? store.manifest(first).voiceOf(first.textHash()).or(() -> Optional.of(""))
            : Optional.empty();
    if (existing.isPresent() && existing.get().equals(Manifest.STUDIO)) {
      recordKnown(sharing, Manifest.STUDIO);
      return Outcome.STUDIO;
    }
    if (existing.isPresent() && (existing.get().equals(voice) || existing.get().isEmpty())) {
      recordKnown(sharing, existing.get().isEmpty() ? "unknown" : voice);
      return Outcome.PRESENT;
    }
    try {
      String audioHash = renderOne(first, file, work);
      for (PlayedPrompt prompt : sharing) {
        store.record(prompt, voice, audioHash);
      }
      return Outcome.RENDERED;
    } catch (SpeechEngine.RenderException | TelephonyAudio.UnreadableAudioException e) {
      failures.add(first.label() + ": " + e.getMessage());
      return Outcome.FAILED;
    }
  }

  /** Renders and converts one file; returns the hash of the engine's own output. */
  private String renderOne(PlayedPrompt prompt, Path target, Path work)
      throws IOException, SpeechEngine.RenderException, TelephonyAudio.UnreadableAudioException {
    SpeechEngine engine = engineFor(prompt.language());
    String voice = engine.voiceFor(prompt.language());
    if (!engine.speaks(prompt.language())) {
      throw new SpeechEngine.RenderException(
          voice
              + " does not speak '"
              + prompt.language()
              + "'; use --engine-command with an engine that does");
    }
    // The chosen engine was checked before the run; a language's default voice is checked here.
    java.util.Optional<String> missing = engine.missingPackages();
    if (missing.isPresent()) {
      throw new SpeechEngine.RenderException(
          voice + " is not installed; install it with: apt-get install " + missing.get());
    }
    Path raw = work.resolve("engine.wav");
    Files.deleteIfExists(raw);
    engine.render(prompt.language(), prompt.text(), raw);
    TelephonyAudio.convert(raw, target);
    return AudioHash.of("voice: " + voice, Files.readAllBytes(raw));
  }

  /** Manifest entries for prompts whose file is already there, keeping its audio hash. */
  private void recordKnown(List<PlayedPrompt> sharing, String voice) throws IOException {
    for (PlayedPrompt prompt : sharing) {
      String audioHash =
          store.manifest(prompt).entries().stream()
              .filter(e -> e.textHash().equals(prompt.textHash()))
              .map(Manifest.Entry::audioHash)
              .findAny()
              .orElse("");
      store.record(prompt, voice, audioHash);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

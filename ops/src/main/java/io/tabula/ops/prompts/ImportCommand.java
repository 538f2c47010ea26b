package io.tabula.ops.prompts;

import io.tabula.ops.cli.ProgressBar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabula prompts import DIR --sounds SOUNDS}: studio recordings, named {@code
 * <tenant>/<flow>/<prompt-id>.wav}, converted to the telephony format and put where the prompt's
 * words are played from.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import studio recordings named DIR/<tenant>/<flow>/<prompt-id>.wav (any PCM WAV: 16/24-bit,"
          + " 44.1/48 kHz, stereo): mixed to mono, resampled to 8 kHz, brought to -18 dBFS speech"
          + " level, silence trimmed, and stored as the prompt's audio (voice: studio).",
      "Exit 0: all imported; 1: some files named no prompt or could not be read; 2: bad arguments."
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The recordings: <tenant>/<flow>/<prompt-id>.wav.")
  Path recordings;

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "Asterisk's sounds folder (astdatadir/sounds) or a folder to copy there; default, run"
              + " from a checkout: its sounds/ folder (what flows validate and publish check).")
  Path sounds;

  @Mixin FlowOptions flows;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sounds == null) {
      Optional<Path> checkout = FlowAudio.checkoutSounds();
      if (checkout.isEmpty()) {
        err.println(
            "error: where to? pass --sounds DIR (Asterisk's sounds folder, or a folder to copy"
                + " there)");
        err.flush();
        return 2;
      }
      sounds = checkout.get();
    }
    if (!Files.isDirectory(recordings)) {
      err.println("error: " + recordings + " is not a folder of <tenant>/<flow>/<prompt-id>.wav");
      err.flush();
      return 2;
    }
    Optional<List<PlayedPrompt>> prompts = flows.read(err);
    if (prompts.isEmpty()) {
      return 2;
    }
    List<String> problems = new ArrayList<>();
    Map<Outcome, Integer> counts = importAll(prompts.get(), problems, out);
    problems.forEach(problem -> err.println("error: " + problem));
    err.flush();
    out.printf(
        "Imported %d recording(s), %d unchanged, %d problem(s)%n",
        counts.getOrDefault(Outcome.IMPORTED, 0),
        counts.getOrDefault(Outcome.UNCHANGED, 0),
        problems.size());
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /** Imports every recording under DIR that names a prompt; counts what happened to each. */
  private Map<Outcome, Integer> importAll(
      List<PlayedPrompt> prompts, List<String> problems, PrintWriter out) throws IOException {
    // <tenant>/<flow>/<id>.wav is in the flow's own language (its first, listed first);
    // <tenant>/<flow>/<language>/<id>.wav in any of its languages.
    Map<String, PlayedPrompt> byName = new HashMap<>();
    prompts.forEach(
        p -> {
          byName.putIfAbsent(p.owner() + "/" + p.id(), p);
          byName.put(p.owner() + "/" + p.language() + "/" + p.id(), p);
        });
    List<Path> files = wavFiles();
    PromptAudioStore store = new PromptAudioStore(sounds);
    ProgressBar bar = new ProgressBar(out, "Importing", files.size(), System.console() != null);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Path file : files) {
      String name = recordings.relativize(file).toString().replaceFirst("(?i)\\.wav$", "");
      PlayedPrompt prompt = byName.get(name);
      if (prompt == null) {
        problems.add(
            file + ": names no prompt of the chosen flows (<tenant>/<flow>/<prompt-id>.wav)");
      } else {
        counts.merge(importOne(file, prompt, store, problems), 1, Integer::sum);
      }
      bar.advance(1);
    }
    store.save();
    bar.finish();
    return counts;
  }

  private enum Outcome {
    IMPORTED,
    UNCHANGED,
    FAILED
  }

  private Outcome importOne(
      Path file, PlayedPrompt prompt, PromptAudioStore store, List<String> problems)
      throws IOException {
    String audioHash = AudioHash.of("voice: " + Manifest.STUDIO, Files.readAllBytes(file));
    boolean same =
        Files.isRegularFile(store.wav(prompt))
            && store.manifest(prompt).entries().stream()
                .anyMatch(
                    e -> e.textHash().equals(prompt.textHash()) && e.audioHash().equals(audioHash));
    if (!same) {
      try {
        TelephonyAudio.convert(file, store.wav(prompt));
      } catch (TelephonyAudio.UnreadableAudioException e) {
        problems.add(e.getMessage());
        return Outcome.FAILED;
      }
    }
    store.record(prompt, Manifest.STUDIO, audioHash);
    return same ? Outcome.UNCHANGED : Outcome.IMPORTED;
  }

  private List<Path> wavFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(recordings)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav"))
          .sorted()
          .toList();
    }
  }
}

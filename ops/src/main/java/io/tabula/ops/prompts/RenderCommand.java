package io.tabula.ops.prompts;

import io.tabula.ops.cli.ProgressBar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tabula prompts render --sounds DIR}: text-to-speech audio for every prompt. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Make audio for every prompt of the chosen flows with a text-to-speech engine, as 8 kHz"
          + " 16-bit mono WAV at <sounds>/<lang>/tabula/<tenant>/<key>.wav, with a manifest.json"
          + " per tenant folder. Files already there in the same voice are skipped; studio"
          + " recordings are kept.",
      "Exit 0: all made or there; 1: some failed; 2: no engine, bad arguments or flows."
    })
final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "Asterisk's sounds folder (astdatadir/sounds) or a folder to copy there; default, run"
              + " from a checkout: its sounds/ folder (what flows validate and publish check).")
  Path sounds;

  @Mixin FlowOptions flows;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      defaultValue = "festival",
      description = "festival (default: the HTS voice cmu_us_slt_arctic_hts), flite or espeak-ng.")
  String engine;

  @Option(
      names = "--engine-command",
      paramLabel = "TEMPLATE",
      description =
          "Any other engine, run without a shell: {text-file} {text} {wav} {lang} are filled in,"
              + " e.g. 'mytts --lang {lang} --out {wav} {text-file}'; it writes a WAV of any rate.")
  String engineCommand;

  @Option(
      names = "--voice",
      paramLabel = "NAME",
      description = "The voice the manifest records for --engine-command (default: its command).")
  String voice;

  @Option(
      names = "--fallback",
      paramLabel = "NAME",
      description =
          "A built-in engine to use when the chosen one is not installed (never used unless given).")
  String fallback;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sounds == null) {
      Optional<Path> checkout = FlowAudio.checkoutSounds();
      if (checkout.isEmpty()) {
        refuse(
            err,
            "where to? pass --sounds DIR (Asterisk's sounds folder, or a folder to copy there)");
        return 2;
      }
      sounds = checkout.get();
    }
    Optional<SpeechEngine> chosen = engine(out, err);
    if (chosen.isEmpty()) {
      return 2;
    }
    Optional<List<PlayedPrompt>> prompts = flows.read(err);
    if (prompts.isEmpty()) {
      return 2;
    }
    long files = prompts.get().stream().map(p -> p.language() + "/" + p.sound()).distinct().count();
    out.printf(
        "Rendering %d prompt(s) of %d flow(s) (%d distinct file(s)) with %s into %s%n",
        prompts.get().size(),
        FlowOptions.flowCount(prompts.get()),
        files,
        chosen.get().voiceFor("<lang>"),
        sounds);
    out.flush();
    ProgressBar bar = new ProgressBar(out, "Rendering", files, System.console() != null);
    PromptRenderer.Summary summary =
        new PromptRenderer(new PromptAudioStore(sounds), chosen.get()).render(prompts.get(), bar);
    summary.failures().forEach(failure -> err.println("error: " + failure));
    err.flush();
    out.printf(
        "Rendered %d file(s), %d already there, %d studio recording(s) kept, %d failed%n",
        summary.rendered(), summary.present(), summary.studio(), summary.failures().size());
    out.flush();
    return summary.failures().isEmpty() ? 0 : 1;
  }

  /** The engine asked for, or the fallback when told; empty, with the reason printed, if none. */
  private Optional<SpeechEngine> engine(PrintWriter out, PrintWriter err) {
    Optional<SpeechEngine> wanted = wanted(err);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> missing = wanted.get().missingPackages();
    if (missing.isEmpty()) {
      return wanted;
    }
    String install =
        engineCommand != null
            ? "the command " + missing.get() + " is not on the PATH"
            : wanted.get().voiceFor("<lang>")
                + " is not installed; install it with: apt-get install "
                + missing.get();
    if (fallback == null) {
      return refuse(
          err, install + " (or say --fallback flite or --fallback espeak-ng to use another)");
    }
    SpeechEngine second;
    try {
      second = BuiltInEngine.parse(fallback).engine();
    } catch (IllegalArgumentException e) {
      return refuse(err, "--fallback: " + e.getMessage());
    }
    if (second.missingPackages().isPresent()) {
      return refuse(
          err,
          install
              + "; the fallback is not installed either: apt-get install "
              + second.missingPackages().get());
    }
    out.println("warning: " + install + "; using the fallback " + second.voiceFor("<lang>"));
    return Optional.of(second);
  }

  private Optional<SpeechEngine> wanted(PrintWriter err) {
    try {
      return Optional.of(
          engineCommand != null
              ? SpeechEngine.command(
                  engineCommand,
                  voice != null ? voice : SpeechEngine.words(engineCommand).getFirst())
              : BuiltInEngine.parse(engine).engine());
    } catch (IllegalArgumentException e) {
      return refuse(err, e.getMessage());
    }
  }

  private static Optional<SpeechEngine> refuse(PrintWriter err, String why) {
    err.println("error: " + why);
    err.flush();
    return Optional.empty();
  }
}

package io.tabula.ops.prompts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabula prompts check SOUNDS}: every prompt of every flow that has no audio there. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Name every prompt of the chosen flows that Asterisk would find no sound file for in the"
          + " given sounds folder(s) (<astdatadir>/sounds), the same rule tabula serve applies at"
          + " start-up.",
      "Exit 0: all there; 1: some missing; 2: unreadable folder or flows."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SOUNDS", description = "Asterisk's sounds folder(s).")
  List<Path> soundsDirs;

  @Mixin FlowOptions flows;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path dir : soundsDirs) {
      if (!Files.isDirectory(dir)) {
        err.println(
            "error: "
                + dir
                + " is not a folder; give Asterisk's sounds folder (astdatadir/sounds), or the"
                + " folder tabula prompts render --sounds wrote");
        err.flush();
        return 2;
      }
    }
    Optional<List<PlayedPrompt>> prompts = flows.read(err);
    if (prompts.isEmpty()) {
      return 2;
    }
    List<PlayedPrompt> missing = PromptCheck.missing(soundsDirs, prompts.get());
    for (PlayedPrompt prompt : missing) {
      out.println(
          "missing: "
              + prompt.label()
              + " \""
              + prompt.text()
              + "\" -> "
              + prompt.language()
              + "/"
              + prompt.sound()
              + ".wav");
    }
    out.printf(
        "Checked %d prompt(s) of %d flow(s) in %s: %d missing%s%n",
        prompts.get().size(),
        FlowOptions.flowCount(prompts.get()),
        soundsDirs,
        missing.size(),
        missing.isEmpty() ? "" : "; make them with tabula prompts render or import");
    out.flush();
    return missing.isEmpty() ? 0 : 1;
  }
}

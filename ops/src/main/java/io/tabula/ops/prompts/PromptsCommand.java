package io.tabula.ops.prompts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tabula prompts}: the audio Asterisk plays for every flow's prompts. {@code render} makes
 * it with text-to-speech, {@code import} takes studio recordings, {@code check} names every prompt
 * still without a file. Files live where Asterisk looks: {@code
 * <sounds>/<lang>/tabula/<tenant>/<key>.wav}, the key being a hash of the words.
 */
@Command(
    name = "prompts",
    mixinStandardHelpOptions = true,
    description = "Audio for the flows' prompts: render it, import studio recordings, check it.",
    subcommands = {RenderCommand.class, ImportCommand.class, CheckCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every prompt has its audio",
      "1:some prompts lack audio or could not be made",
      "2:bad arguments, unreadable flows or folders, or no engine"
    })
public final class PromptsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package io.tabula.ops.recordings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tabula recordings}: tools for call recordings. */
@Command(
    name = "recordings",
    mixinStandardHelpOptions = true,
    description = "Work on call recordings: remove DTMF key tones.",
    subcommands = {ScrubCommand.class})
public final class RecordingsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package io.tabula.ops.asterisk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tabula asterisk}: tools for the telephony admins who run Asterisk in front of Tabula. */
@Command(
    name = "asterisk",
    mixinStandardHelpOptions = true,
    description = "Check the Asterisk configuration that hands calls to Tabula.",
    subcommands = {LintCommand.class})
public final class AsteriskCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

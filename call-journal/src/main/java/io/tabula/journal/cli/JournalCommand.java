package io.tabula.journal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tabula journal}: the call journal's key, search, re-identification and erasure tools. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
      "The call journal: what happened on each call, with the values a flow marks",
      "'journal: encrypt' sealed to the tenant's public key (docs/journal.md)."
    },
    subcommands = {
      JournalKeygenCommand.class,
      JournalSearchCommand.class,
      JournalShowCommand.class,
      JournalEraseCommand.class,
      JournalPurgeCommand.class,
      JournalCountCommand.class,
      JournalRegisterKeyCommand.class
    })
public final class JournalCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

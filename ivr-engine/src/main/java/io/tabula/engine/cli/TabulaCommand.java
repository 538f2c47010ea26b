package io.tabula.engine.cli;

import io.tabula.engine.server.NettyDefaults;
import io.tabula.journal.cli.JournalCommand;
import io.tabula.ops.access.cli.UsersCommand;
import io.tabula.ops.asterisk.AsteriskCommand;
import io.tabula.ops.audit.AuditCommand;
import io.tabula.ops.console.ConsoleCommand;
import io.tabula.ops.flows.FlowsCommand;
import io.tabula.ops.prompts.PromptsCommand;
import io.tabula.ops.recordings.RecordingsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tabula} command line. Each subcommand is its own class; {@code --help} works on every
 * one of them.
 */
@Command(
    name = "tabula",
    mixinStandardHelpOptions = true,
    versionProvider = TabulaVersion.class,
    description =
        "Tabula IVR: self-service phone payments for Asterisk, with card data wiped per call.",
    subcommands = {
      DemoCommand.class,
      HealthCommand.class,
      CertsCommand.class,
      SimulatorCommand.class,
      ServeCommand.class,
      TenantsCommand.class,
      CallCommand.class,
      FlowsCommand.class,
      AuditCommand.class,
      AsteriskCommand.class,
      PromptsCommand.class,
      RecordingsCommand.class,
      JournalCommand.class,
      UsersCommand.class,
      ConsoleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TabulaCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line; tests run it in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new TabulaCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .registerConverter(java.time.Duration.class, new CommandLineDuration());
  }

  public static void main(String[] args) {
    NettyDefaults.apply();
    System.exit(commandLine().execute(args));
  }
}

package io.tabula.ops.audit;

import io.tabula.ops.access.cli.TrailCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tabula audit}: the auditors' scanners. Each subcommand exits 0 when it found nothing, 1
 * when it found something, 2 when it could not read everything it was asked to.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Prove no card data was kept: scan logs and recordings and report what is found.",
    subcommands = {
      LogsAuditCommand.class,
      RecordingsAuditCommand.class,
      ScoreAuditCommand.class,
      TrailCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing found", "1:findings", "2:bad arguments or unreadable files"})
public final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

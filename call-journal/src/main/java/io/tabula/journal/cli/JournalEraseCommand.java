package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.access.JournalAction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tabula journal erase --account N}: the right to erasure (GDPR art. 17). Deletes every
 * record of that exact value, found through the blind index, with their sealed values; logged.
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the calls of one exact account or ticket number (GDPR art. 17), with everything",
      "sealed in them; the erasure is logged (who, why, which records)."
    })
public final class JournalEraseCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordQuery query = new RecordQuery();

  @Mixin JournalUser user = new JournalUser();

  @Option(
      names = "--reason",
      description = "The request this fulfils, for the log (default: GDPR art. 17 request).")
  String reason = "GDPR art. 17 request";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          String[] fieldValue = query.fieldAndValue();
          JournalConfig config = query.readConfig();
          long erased =
              JournalCommandRunner.forEachTenant(
                  user,
                  config,
                  query.tenants(config),
                  (gate, archive, tenant) -> {
                    byte[] index =
                        RecordQuery.admittedMatches(
                                gate, archive, tenant, fieldValue, JournalAction.ERASE, reason)
                            .index();
                    int count =
                        archive.erase(tenant.tenant(), fieldValue[0], index, gate.who(), reason);
                    if (count > 0) {
                      out.printf("%s: %d record(s) erased%n", tenant.tenant(), count);
                    }
                    return count;
                  });
          out.printf("%d record(s) erased in all; the erasure was logged.%n", erased);
          return 0;
        });
  }
}

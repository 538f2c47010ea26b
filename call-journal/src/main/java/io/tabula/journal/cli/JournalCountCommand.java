package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAction;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tabula journal count [--tenant T]}: how many records each tenant's journal holds, and
 * nothing of their contents: what an auditor sees (with the trail, {@code tabula audit trail}).
 */
@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    description = "How many records each tenant's journal holds (no contents; the auditor's view).")
public final class JournalCountCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordQuery query = new RecordQuery();

  @Mixin JournalUser user = new JournalUser();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          JournalConfig config = query.readConfig();
          JournalCommandRunner.forEachTenant(
              user,
              config,
              query.tenants(config),
              (gate, archive, tenant) -> {
                gate.admit(JournalAction.COUNT, tenant.tenant());
                gate.record(
                    new JournalAccess(JournalAction.COUNT, tenant.tenant(), "-", List.of(), ""));
                long count = archive.count(tenant.tenant());
                out.printf("%s: %d record(s)%n", tenant.tenant(), count);
                return count;
              });
          return 0;
        });
  }
}

package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalConfigException;
import io.tabula.journal.JournalRuntime;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.access.JournalTrailException;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
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
    PrintWriter err = spec.commandLine().getErr();
    try {
      JournalConfig config = query.readConfig();
      try (JournalRuntime.Opened opened = JournalRuntime.open(config);
          JournalGate gate = user.gate(config, new JournalArchive(opened.database()))) {
        JournalArchive archive = new JournalArchive(opened.database());
        for (TenantJournal tenant : query.tenants(config)) {
          gate.admit(JournalAction.COUNT, tenant.tenant());
          gate.record(new JournalAccess(JournalAction.COUNT, tenant.tenant(), "-", List.of(), ""));
          out.printf("%s: %d record(s)%n", tenant.tenant(), archive.count(tenant.tenant()));
        }
      }
      return 0;
    } catch (IllegalArgumentException | JournalConfigException | JournalStoreException e) {
      err.println("tabula journal count: " + e.getMessage());
      return 2;
    } catch (JournalAccessDeniedException e) {
      err.println("tabula journal count: " + e.getMessage());
      return 3;
    } catch (JournalTrailException | IllegalStateException e) {
      err.println("tabula journal count: " + e.getMessage());
      return 2;
    }
  }
}

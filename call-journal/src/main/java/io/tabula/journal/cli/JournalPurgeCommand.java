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
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tabula journal purge}: deletes now what each tenant's retention no longer allows (the
 * engine does the same every day).
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description =
        "Delete the records older than each tenant's retention (the engine does it daily).")
public final class JournalPurgeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", description = "The journal configuration (default: as search).")
  Optional<Path> config = Optional.empty();

  @Mixin JournalUser user = new JournalUser();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordQuery query = new RecordQuery();
    query.config = config;
    try {
      JournalConfig read = query.readConfig();
      try (JournalRuntime.Opened opened = JournalRuntime.open(read);
          JournalGate gate = user.gate(read, new JournalArchive(opened.database()))) {
        JournalArchive archive = new JournalArchive(opened.database());
        for (TenantJournal tenant : read.tenants().values()) {
          gate.admit(JournalAction.PURGE, tenant.tenant());
          gate.record(
              new JournalAccess(JournalAction.PURGE, tenant.tenant(), "-", List.of(), "retention"));
          int deleted =
              archive.purge(
                  tenant.tenant(),
                  Clock.systemUTC()
                      .instant()
                      .atZone(ZoneOffset.UTC)
                      .minus(tenant.retention())
                      .toInstant());
          out.printf(
              "%s: %d record(s) older than %d months deleted%n",
              tenant.tenant(), deleted, tenant.retention().toTotalMonths());
        }
      }
      return 0;
    } catch (IllegalArgumentException | JournalConfigException e) {
      err.println("tabula journal purge: " + e.getMessage());
      return 2;
    } catch (JournalStoreException e) {
      err.println("tabula journal purge: " + e.getMessage());
      return 2;
    } catch (JournalAccessDeniedException e) {
      err.println("tabula journal purge: " + e.getMessage());
      return 3;
    } catch (JournalTrailException | IllegalStateException e) {
      err.println("tabula journal purge: " + e.getMessage());
      return 2;
    }
  }
}

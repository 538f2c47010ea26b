package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
    RecordQuery query = new RecordQuery();
    query.config = config;
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          JournalConfig read = query.readConfig();
          JournalCommandRunner.forEachTenant(
              user,
              read,
              List.copyOf(read.tenants().values()),
              (gate, archive, tenant) -> {
                gate.admit(JournalAction.PURGE, tenant.tenant());
                gate.record(
                    new JournalAccess(
                        JournalAction.PURGE, tenant.tenant(), "-", List.of(), "retention"));
                int deleted = archive.purge(tenant.tenant(), retentionStart(tenant));
                out.printf(
                    "%s: %d record(s) older than %d months deleted%n",
                    tenant.tenant(), deleted, tenant.retention().toTotalMonths());
                return deleted;
              });
          return 0;
        });
  }

  /** The oldest moment the tenant's retention still keeps records of. */
  private static Instant retentionStart(TenantJournal tenant) {
    return Clock.systemUTC().instant().atZone(ZoneOffset.UTC).minus(tenant.retention()).toInstant();
  }
}

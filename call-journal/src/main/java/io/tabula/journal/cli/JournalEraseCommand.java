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
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
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
    PrintWriter err = spec.commandLine().getErr();
    try {
      String[] fieldValue = query.fieldAndValue();
      JournalConfig config = query.readConfig();
      int erased = 0;
      try (JournalRuntime.Opened opened = JournalRuntime.open(config);
          JournalGate gate = user.gate(config, new JournalArchive(opened.database()))) {
        JournalArchive archive = new JournalArchive(opened.database());
        for (TenantJournal tenant : query.tenants(config)) {
          gate.admit(JournalAction.ERASE, tenant.tenant());
          byte[] index =
              BlindIndex.of(tenant.searchKey(), tenant.tenant(), fieldValue[0], fieldValue[1]);
          List<UUID> ids =
              archive.find(tenant.tenant(), fieldValue[0], index).stream()
                  .map(JournalRecord::id)
                  .toList();
          gate.record(
              new JournalAccess(JournalAction.ERASE, tenant.tenant(), fieldValue[0], ids, reason));
          int count = archive.erase(tenant.tenant(), fieldValue[0], index, gate.who(), reason);
          if (count > 0) {
            out.printf("%s: %d record(s) erased%n", tenant.tenant(), count);
          }
          erased += count;
        }
      }
      out.printf("%d record(s) erased in all; the erasure was logged.%n", erased);
      return 0;
    } catch (IllegalArgumentException | JournalConfigException e) {
      err.println("tabula journal erase: " + e.getMessage());
      return 2;
    } catch (JournalStoreException e) {
      err.println("tabula journal erase: " + e.getMessage());
      return 2;
    } catch (JournalAccessDeniedException e) {
      err.println("tabula journal erase: " + e.getMessage());
      return 3;
    } catch (JournalTrailException | IllegalStateException e) {
      err.println("tabula journal erase: " + e.getMessage());
      return 2;
    }
  }
}

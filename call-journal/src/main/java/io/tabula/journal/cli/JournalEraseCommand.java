package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalConfigException;
import io.tabula.journal.JournalRuntime;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
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
      try (JournalRuntime.Opened opened = JournalRuntime.open(config)) {
        JournalArchive archive = new JournalArchive(opened.database());
        for (TenantJournal tenant : query.tenants(config)) {
          byte[] index =
              BlindIndex.of(tenant.searchKey(), tenant.tenant(), fieldValue[0], fieldValue[1]);
          int count = archive.erase(tenant.tenant(), fieldValue[0], index, query.who(), reason);
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
    }
  }
}

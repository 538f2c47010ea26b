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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tabula journal search --tenant city --ticket 12345678}: the records of exactly that value,
 * found through the blind index, with sealed values masked. The search is logged.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find the calls of one exact ticket or account number (through the blind index; no prefix",
      "or pattern search exists). Sealed values show masked; 'journal show' reveals them."
    })
public final class JournalSearchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordQuery query = new RecordQuery();

  @Mixin JournalUser user = new JournalUser();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String[] fieldValue = query.fieldAndValue();
      JournalConfig config = query.readConfig();
      List<TenantJournal> tenants = query.tenants(config);
      int total = 0;
      try (JournalRuntime.Opened opened = JournalRuntime.open(config);
          JournalGate gate = user.gate(config, new JournalArchive(opened.database()))) {
        JournalArchive archive = new JournalArchive(opened.database());
        for (TenantJournal tenant : tenants) {
          gate.admit(JournalAction.SEARCH, tenant.tenant());
          byte[] index =
              BlindIndex.of(tenant.searchKey(), tenant.tenant(), fieldValue[0], fieldValue[1]);
          List<JournalRecord> found = archive.find(tenant.tenant(), fieldValue[0], index);
          gate.record(
              new JournalAccess(
                  JournalAction.SEARCH,
                  tenant.tenant(),
                  fieldValue[0],
                  found.stream().map(JournalRecord::id).toList(),
                  ""));
          for (JournalRecord record : found) {
            RecordPrinter.print(out, record, Map.of());
            out.println();
          }
          total += found.size();
        }
      }
      out.printf(
          "%d record(s) with %s %s; sealed values are masked (reveal: tabula journal show --key"
              + " FILE --reason TEXT ...).%n",
          total, fieldValue[0], "*".repeat(fieldValue[1].length()));
      return total > 0 ? 0 : 1;
    } catch (IllegalArgumentException | JournalConfigException e) {
      err.println("tabula journal search: " + e.getMessage());
      return 2;
    } catch (JournalStoreException e) {
      err.println("tabula journal search: " + e.getMessage());
      return 2;
    } catch (JournalAccessDeniedException e) {
      err.println("tabula journal search: " + e.getMessage());
      return 3;
    } catch (JournalTrailException | IllegalStateException e) {
      err.println("tabula journal search: " + e.getMessage());
      return 2;
    }
  }
}

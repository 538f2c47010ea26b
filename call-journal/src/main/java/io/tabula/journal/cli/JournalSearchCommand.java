package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.record.JournalRecord;
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
    return JournalCommandRunner.exitCode(
        spec,
        () -> {
          String[] fieldValue = query.fieldAndValue();
          JournalConfig config = query.readConfig();
          List<TenantJournal> tenants = query.tenants(config);
          long total =
              JournalCommandRunner.forEachTenant(
                  user,
                  config,
                  tenants,
                  (gate, archive, tenant) -> {
                    List<JournalRecord> found =
                        RecordQuery.admittedMatches(
                                gate, archive, tenant, fieldValue, JournalAction.SEARCH, "")
                            .records();
                    for (JournalRecord record : found) {
                      RecordPrinter.print(out, record, Map.of());
                      out.println();
                    }
                    return found.size();
                  });
          out.printf(
              "%d record(s) with %s %s; sealed values are masked (reveal: tabula journal show"
                  + " --key FILE --reason TEXT ...).%n",
              total, fieldValue[0], "*".repeat(fieldValue[1].length()));
          return total > 0 ? 0 : 1;
        });
  }
}

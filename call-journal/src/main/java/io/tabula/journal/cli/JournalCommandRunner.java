package io.tabula.journal.cli;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalConfigException;
import io.tabula.journal.JournalRuntime;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.access.JournalTrailException;
import io.tabula.journal.crypto.JournalKeyFileException;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every {@code tabula journal} command that reads or changes the journal does around its own
 * steps: opens the journal's database and the user's gate over one archive, and turns a failure
 * into the exit code the docs promise, with the message on standard error: 3 when the access
 * control refuses, 2 for everything the user can fix (arguments, configuration, database, key file,
 * an audit trail that cannot be written).
 *
 * <pre>{@code
 * return JournalCommandRunner.exitCode(spec, () -> {
 *   JournalConfig config = query.readConfig();
 *   return JournalCommandRunner.withGate(user, config, (gate, archive) -> { ...; return 0; });
 * });
 * }</pre>
 */
final class JournalCommandRunner {

  /** A command's steps, giving its exit code. */
  @FunctionalInterface
  interface Steps {
    int run() throws JournalAccessDeniedException, JournalStoreException, JournalKeyFileException;
  }

  /** Steps that need the journal, behind the user's gate. */
  @FunctionalInterface
  interface GatedSteps<T> {
    T run(JournalGate gate, JournalArchive archive)
        throws JournalAccessDeniedException, JournalStoreException;
  }

  /** Steps for one tenant, giving how many records they found or changed. */
  @FunctionalInterface
  interface TenantSteps {
    long run(JournalGate gate, JournalArchive archive, TenantJournal tenant)
        throws JournalAccessDeniedException, JournalStoreException;
  }

  private JournalCommandRunner() {}

  /** Runs {@code steps}; a failure is told on the command's standard error as its exit code. */
  static int exitCode(CommandSpec spec, Steps steps) {
    try {
      return steps.run();
    } catch (JournalAccessDeniedException e) {
      return told(spec, e, 3);
    } catch (IllegalArgumentException
        | IllegalStateException
        | JournalConfigException
        | JournalStoreException
        | JournalKeyFileException
        | JournalTrailException e) {
      return told(spec, e, 2);
    }
  }

  /**
   * Opens the journal of {@code config} and the gate {@code user} passes, runs {@code steps} with
   * both, and closes them (the gate first).
   */
  static <T> T withGate(JournalUser user, JournalConfig config, GatedSteps<T> steps)
      throws JournalAccessDeniedException, JournalStoreException {
    try (JournalRuntime.Opened opened = JournalRuntime.open(config)) {
      JournalArchive archive = new JournalArchive(opened.database());
      try (JournalGate gate = user.gate(config, archive)) {
        return steps.run(gate, archive);
      }
    }
  }

  /**
   * Runs {@code steps} for each of {@code tenants} in turn, behind one gate; stops at the first
   * failure. Gives the sum of their counts.
   */
  static long forEachTenant(
      JournalUser user, JournalConfig config, List<TenantJournal> tenants, TenantSteps steps)
      throws JournalAccessDeniedException, JournalStoreException {
    return withGate(
        user,
        config,
        (gate, archive) -> {
          long sum = 0;
          for (TenantJournal tenant : tenants) {
            sum += steps.run(gate, archive, tenant);
          }
          return sum;
        });
  }

  private static int told(CommandSpec spec, Exception e, int exitCode) {
    spec.commandLine().getErr().println("tabula journal " + spec.name() + ": " + e.getMessage());
    return exitCode;
  }
}

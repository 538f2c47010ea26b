package io.tabula.journal.cli;

import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which records a journal command acts on: one exact value of one searchable field, in one tenant
 * or in every tenant of the configuration. There is no other way to select records.
 */
final class RecordQuery {

  @Option(
      names = "--config",
      description =
          "The journal configuration (default: $TABULA_JOURNAL_CONFIG, else the demo's journal).")
  Optional<Path> config = Optional.empty();

  @Option(names = "--tenant", description = "Only this tenant (default: every tenant configured).")
  Optional<String> tenant = Optional.empty();

  @Option(names = "--ticket", description = "Records whose ticket number is exactly this.")
  Optional<String> ticket = Optional.empty();

  @Option(names = "--account", description = "Records whose account number is exactly this.")
  Optional<String> account = Optional.empty();

  @Option(
      names = "--field",
      description = "Another searchable field (a collect's field marked journal: encrypt).")
  Optional<String> field = Optional.empty();

  @Option(names = "--value", description = "The exact value of --field.")
  Optional<String> value = Optional.empty();

  /** The field and value, or a message saying what is missing. */
  String[] fieldAndValue() {
    int given =
        (ticket.isPresent() ? 1 : 0) + (account.isPresent() ? 1 : 0) + (field.isPresent() ? 1 : 0);
    if (given != 1 || field.isPresent() != value.isPresent()) {
      throw new IllegalArgumentException(
          "give exactly one of --ticket N, --account N or --field NAME --value V (an exact value:"
              + " the journal has no prefix or pattern search)");
    }
    if (ticket.isPresent()) {
      return new String[] {"ticket", ticket.get()};
    }
    if (account.isPresent()) {
      return new String[] {"account", account.get()};
    }
    return new String[] {field.get(), value.get()};
  }

  JournalConfig readConfig() {
    return JournalConfig.read(configFile());
  }

  /** The configuration file these options name; an error saying what to give when there is none. */
  Path configFile() {
    Path file =
        config.orElseGet(
            () -> {
              String env = System.getenv("TABULA_JOURNAL_CONFIG");
              return env == null || env.isBlank() ? DemoJournalHome.config() : Path.of(env);
            });
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "no journal configuration at "
              + file
              + "; give --config FILE (or run ./tabula demo first to try the demo's journal)");
    }
    return file;
  }

  /** The records of one tenant holding the asked value, and the blind index they were found by. */
  record Matches(byte[] index, List<JournalRecord> records) {}

  /**
   * The records of {@code tenant} whose field {@code fieldValue[0]} is exactly {@code
   * fieldValue[1]}, once the gate admits {@code action}; the access (with the ids found) is
   * recorded before they are returned, so nothing is shown or deleted unrecorded.
   */
  static Matches admittedMatches(
      JournalGate gate,
      JournalArchive archive,
      TenantJournal tenant,
      String[] fieldValue,
      JournalAction action,
      String reason)
      throws JournalAccessDeniedException, JournalStoreException {
    gate.admit(action, tenant.tenant());
    byte[] index = BlindIndex.of(tenant.searchKey(), tenant.tenant(), fieldValue[0], fieldValue[1]);
    List<JournalRecord> found = archive.find(tenant.tenant(), fieldValue[0], index);
    gate.record(
        new JournalAccess(
            action,
            tenant.tenant(),
            fieldValue[0],
            found.stream().map(JournalRecord::id).toList(),
            reason));
    return new Matches(index, found);
  }

  List<TenantJournal> tenants(JournalConfig config) {
    if (tenant.isEmpty()) {
      return List.copyOf(config.tenants().values());
    }
    TenantJournal one = config.tenants().get(tenant.get());
    if (one == null) {
      throw new IllegalArgumentException(
          "tenant '"
              + tenant.get()
              + "' has no journal in this configuration; configured: "
              + String.join(", ", config.tenants().keySet()));
    }
    return List.of(one);
  }
}

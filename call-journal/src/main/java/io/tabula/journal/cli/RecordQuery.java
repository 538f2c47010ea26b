package io.tabula.journal.cli;

import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
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

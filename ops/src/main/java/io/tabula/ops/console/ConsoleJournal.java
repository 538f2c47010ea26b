package io.tabula.ops.console;

import io.tabula.journal.JournalConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalDatabase;
import java.util.Optional;

/**
 * The call journal the console's journal page reads: the configuration (tenants, search keys; no
 * private key, ever) and the journal's database. Opened by {@code tabula console --journal-config}.
 */
public record ConsoleJournal(JournalConfig config, JournalDatabase database) {

  JournalArchive archive() {
    return new JournalArchive(database);
  }

  Optional<TenantJournal> tenant(String name) {
    return Optional.ofNullable(name).map(config.tenants()::get);
  }
}

package io.tabula.journal.access;

import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalStoreException;

/**
 * The gate of a journal without access control (the demo's, or a configuration without an {@code
 * access} database): everyone who holds the configuration may act, and each access is written to
 * the journal's own {@code journal_access} table first. A configuration that names an access
 * database uses the hash-chained audit trail and checks roles instead.
 */
public final class JournalAccessLog implements JournalGate {

  private final JournalArchive archive;
  private final String who;

  public JournalAccessLog(JournalArchive archive, String who) {
    this.archive = archive;
    this.who = who;
  }

  @Override
  public String who() {
    return who;
  }

  @Override
  public void admit(JournalAction action, String tenant) {}

  @Override
  public void record(JournalAccess access) {
    try {
      archive.logAccess(
          who,
          access.action().name().toLowerCase(java.util.Locale.ROOT) + " " + access.field(),
          access.tenant(),
          access.reason(),
          access.records());
    } catch (JournalStoreException e) {
      throw new JournalTrailException(e);
    }
  }
}

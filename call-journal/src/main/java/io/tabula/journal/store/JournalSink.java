package io.tabula.journal.store;

import io.tabula.journal.record.JournalRecord;
import java.util.List;

/** Where finished records go: PostgreSQL in production ({@link PostgresJournal}). */
@FunctionalInterface
public interface JournalSink {

  /** Writes the batch in one transaction: all of it or none of it. */
  void write(List<JournalRecord> batch) throws JournalStoreException;
}

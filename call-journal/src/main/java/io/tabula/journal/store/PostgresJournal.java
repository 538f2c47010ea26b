package io.tabula.journal.store;

import io.tabula.journal.crypto.Sealed;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

/**
 * The journal's tables in PostgreSQL, and the writer the queue uses. One row per call in {@code
 * journal_records} (its non-secret part as jsonb), one per sealed value in {@code journal_sealed}
 * (key id, HPKE enc and ciphertext), one per searchable field in {@code journal_index} (the blind
 * index), and every search, decryption request and erasure in {@code journal_access}. The writer
 * keeps one connection and opens a new one after a failure.
 */
public final class PostgresJournal implements JournalSink, AutoCloseable {

  static final String SCHEMA =
      """
      create table if not exists journal_records (
        id uuid primary key,
        tenant text not null,
        flow text not null,
        flow_version integer not null,
        call_id text not null,
        started_at timestamptz not null,
        ended_at timestamptz not null,
        body jsonb not null);
      create index if not exists journal_records_tenant_ended on journal_records (tenant, ended_at);
      create table if not exists journal_sealed (
        record_id uuid not null references journal_records (id) on delete cascade,
        position integer not null,
        step text not null,
        field text not null,
        source text not null,
        key_id text not null,
        enc bytea not null,
        ciphertext bytea not null,
        primary key (record_id, position));
      create table if not exists journal_index (
        record_id uuid not null references journal_records (id) on delete cascade,
        tenant text not null,
        field text not null,
        digest bytea not null);
      create index if not exists journal_index_lookup on journal_index (tenant, field, digest);
      create table if not exists journal_access (
        at timestamptz not null default now(),
        actor text not null,
        action text not null,
        tenant text not null,
        reason text not null,
        records text not null);
      """;

  private final JournalDatabase database;
  private Connection connection;
  private boolean migrated;

  public PostgresJournal(JournalDatabase database) {
    this.database = database;
  }

  /** Creates the tables when they do not exist yet. */
  public static void migrate(JournalDatabase database) throws JournalStoreException {
    try (Connection c = database.connect();
        Statement statement = c.createStatement()) {
      statement.execute(SCHEMA);
    } catch (SQLException e) {
      throw failure("creating the journal tables", e);
    }
  }

  @Override
  public synchronized void write(List<JournalRecord> batch) throws JournalStoreException {
    try {
      Connection c = connection();
      c.setAutoCommit(false);
      try {
        insert(c, batch);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      drop();
      throw failure("writing " + batch.size() + " records", e);
    }
  }

  private static void insert(Connection c, List<JournalRecord> batch) throws SQLException {
    try (PreparedStatement records =
            c.prepareStatement(
                "insert into journal_records (id, tenant, flow, flow_version, call_id, started_at,"
                    + " ended_at, body) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                    + " on conflict (id) do nothing");
        PreparedStatement sealed =
            c.prepareStatement(
                "insert into journal_sealed (record_id, position, step, field, source, key_id, enc,"
                    + " ciphertext) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
        PreparedStatement index =
            c.prepareStatement(
                "insert into journal_index (record_id, tenant, field, digest) select ?, ?, ?, ?"
                    + " where not exists (select 1 from journal_index where record_id = ? and"
                    + " field = ?)")) {
      for (JournalRecord record : batch) {
        records.setObject(1, record.id());
        records.setString(2, record.tenant());
        records.setString(3, record.flow());
        records.setInt(4, record.flowVersion());
        records.setString(5, record.callId());
        records.setTimestamp(6, Timestamp.from(record.start()));
        records.setTimestamp(7, Timestamp.from(record.end()));
        records.setString(8, RecordJson.body(record));
        records.addBatch();
        int position = 0;
        for (SealedField field : record.sealed()) {
          Sealed value = field.sealed();
          sealed.setObject(1, record.id());
          sealed.setInt(2, position++);
          sealed.setString(3, field.step());
          sealed.setString(4, field.field());
          sealed.setString(5, field.source());
          sealed.setString(6, value.keyId());
          sealed.setBytes(7, value.enc());
          sealed.setBytes(8, value.ciphertext());
          sealed.addBatch();
        }
        for (JournalRecord.IndexEntry entry : record.indexes()) {
          index.setObject(1, record.id());
          index.setString(2, record.tenant());
          index.setString(3, entry.field());
          index.setBytes(4, entry.digest());
          index.setObject(5, record.id());
          index.setString(6, entry.field());
          index.addBatch();
        }
      }
      records.executeBatch();
      sealed.executeBatch();
      index.executeBatch();
    }
  }

  /**
   * The writer's connection; the tables are created on the first one, so an engine that starts
   * while the journal database is down still journals once it is back.
   */
  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = database.connect();
      if (!migrated) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(SCHEMA);
        }
        migrated = true;
      }
    }
    return connection;
  }

  private void drop() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // Broken already; the next write opens a new one.
    }
    connection = null;
  }

  /** Names the operation, the exception type and the SQLSTATE; never a driver message. */
  static JournalStoreException failure(String what, SQLException e) {
    return new JournalStoreException(
        what
            + " failed ("
            + e.getClass().getSimpleName()
            + ", SQLSTATE "
            + e.getSQLState()
            + "); check that the journal database is up and reachable over TLS");
  }

  @Override
  public synchronized void close() {
    drop();
  }
}

package io.tabula.journal.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabula.journal.crypto.Sealed;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reading side of the journal (search, erasure, retention), for the {@code tabula journal}
 * commands and later the console. Search is exact match only, through the blind index: there is no
 * query by prefix, range or pattern of a sealed value, because the database holds none to query.
 * Every search, decryption request and erasure is logged in {@code journal_access}.
 */
public final class JournalArchive {

  private final JournalDatabase database;

  public JournalArchive(JournalDatabase database) {
    this.database = database;
  }

  /** The records of {@code tenant} whose {@code field} has exactly the indexed value. */
  public List<JournalRecord> find(String tenant, String field, byte[] digest)
      throws JournalStoreException {
    try (Connection c = database.connect()) {
      Map<UUID, JournalRecord> records = new LinkedHashMap<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "select r.id, r.tenant, r.flow, r.flow_version, r.call_id, r.started_at, r.ended_at,"
                  + " r.body from journal_records r join journal_index i on i.record_id = r.id"
                  + " where i.tenant = ? and i.field = ? and i.digest = ? order by r.started_at")) {
        select.setString(1, tenant);
        select.setString(2, field);
        select.setBytes(3, digest);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            records.put(id, record(rows, sealed(c, id)));
          }
        }
      }
      return List.copyOf(records.values());
    } catch (SQLException e) {
      throw PostgresJournal.failure("searching the journal", e);
    }
  }

  private static JournalRecord record(ResultSet rows, List<SealedField> sealed)
      throws SQLException {
    JsonNode body = RecordJson.parse(rows.getString(8));
    return new JournalRecord(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        rows.getString(3),
        rows.getInt(4),
        rows.getString(5),
        rows.getTimestamp(6).toInstant(),
        rows.getTimestamp(7).toInstant(),
        RecordJson.steps(body),
        RecordJson.events(body),
        RecordJson.payments(body),
        body.path("ending").asText(),
        sealed,
        List.of());
  }

  private static List<SealedField> sealed(Connection c, UUID record) throws SQLException {
    List<SealedField> sealed = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "select step, field, source, key_id, enc, ciphertext from journal_sealed"
                + " where record_id = ? order by position")) {
      select.setObject(1, record);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sealed.add(
              new SealedField(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  new Sealed(rows.getString(4), rows.getBytes(5), rows.getBytes(6))));
        }
      }
    }
    return sealed;
  }

  /**
   * Deletes every record of {@code tenant} whose {@code field} has exactly the indexed value (GDPR
   * art. 17), with their sealed values and indexes, and logs the erasure; returns how many.
   */
  public int erase(String tenant, String field, byte[] digest, String actor, String reason)
      throws JournalStoreException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      List<UUID> ids = new ArrayList<>();
      try (PreparedStatement delete =
          c.prepareStatement(
              "delete from journal_records where id in (select record_id from journal_index"
                  + " where tenant = ? and field = ? and digest = ?) returning id")) {
        delete.setString(1, tenant);
        delete.setString(2, field);
        delete.setBytes(3, digest);
        try (ResultSet rows = delete.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getObject(1, UUID.class));
          }
        }
      }
      logAccess(c, actor, "erase " + field, tenant, reason, ids);
      c.commit();
      return ids.size();
    } catch (SQLException e) {
      throw PostgresJournal.failure("erasing journal records", e);
    }
  }

  /** Deletes the records of {@code tenant} that ended before {@code cutoff}; returns how many. */
  public int purge(String tenant, Instant cutoff) throws JournalStoreException {
    try (Connection c = database.connect();
        PreparedStatement delete =
            c.prepareStatement("delete from journal_records where tenant = ? and ended_at < ?")) {
      delete.setString(1, tenant);
      delete.setTimestamp(2, Timestamp.from(cutoff));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw PostgresJournal.failure("deleting expired journal records", e);
    }
  }

  /** Logs a search or a decryption request: who, what, why, which records. */
  public void logAccess(String actor, String action, String tenant, String reason, List<UUID> ids)
      throws JournalStoreException {
    try (Connection c = database.connect()) {
      logAccess(c, actor, action, tenant, reason, ids);
    } catch (SQLException e) {
      throw PostgresJournal.failure("logging a journal access", e);
    }
  }

  private static void logAccess(
      Connection c, String actor, String action, String tenant, String reason, List<UUID> ids)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into journal_access (actor, action, tenant, reason, records)"
                + " values (?, ?, ?, ?, ?)")) {
      insert.setString(1, actor);
      insert.setString(2, action);
      insert.setString(3, tenant);
      insert.setString(4, reason);
      insert.setString(5, ids.stream().map(UUID::toString).collect(Collectors.joining(",")));
      insert.executeUpdate();
    }
  }

  /** Records of a tenant, for counts (the auditor's view). */
  public long count(String tenant) throws JournalStoreException {
    try (Connection c = database.connect();
        PreparedStatement select =
            c.prepareStatement("select count(*) from journal_records where tenant = ?")) {
      select.setString(1, tenant);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw PostgresJournal.failure("counting journal records", e);
    }
  }
}

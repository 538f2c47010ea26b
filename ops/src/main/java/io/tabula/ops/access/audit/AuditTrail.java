package io.tabula.ops.access.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Appends events to the hash-chained {@code audit_trail} table and signs the chain head with a key
 * outside the database every {@code signEvery} (and on {@link #checkpoint()}).
 *
 * <pre>{@code
 * AuditTrail trail = new AuditTrail(dataSource, clock, Optional.of(signer), Duration.ofMinutes(5));
 * trail.record(AuditEvent.of("ana", AuditAction.SIGN_IN, "ana", "203.0.113.7", Outcome.SUCCESS));
 * }</pre>
 */
public final class AuditTrail {

  /** Serialises appends across every process writing to the same database. */
  private static final long APPEND_LOCK = 0x7461_6275_6c61_4155L;

  private final DataSource dataSource;
  private final Clock clock;
  private final Optional<TrailSigner> signer;
  private final Duration signEvery;

  public AuditTrail(
      DataSource dataSource, Clock clock, Optional<TrailSigner> signer, Duration signEvery) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.signer = signer;
    this.signEvery = signEvery;
  }

  /** Appends {@code event}; returns its sequence number. */
  public long record(AuditEvent event) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long seq = append(connection, event);
        if (signer.isPresent() && checkpointDue(connection)) {
          signHead(connection, signer.get());
        }
        connection.commit();
        return seq;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AuditTrailException("could not append to the audit trail", e);
    }
  }

  /** Signs the current head now, if there is a signer and a record newer than the last check. */
  public void checkpoint() {
    TrailSigner key =
        signer.orElseThrow(
            () ->
                new IllegalStateException(
                    "no signing key configured; pass the Ed25519 key file (audit.signingKey)"));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      lock(connection);
      signHead(connection, key);
      connection.commit();
    } catch (SQLException e) {
      throw new AuditTrailException("could not sign the audit trail head", e);
    }
  }

  private long append(Connection connection, AuditEvent event) throws SQLException {
    lock(connection);
    long seq = 1;
    byte[] previous = AuditRecord.GENESIS;
    try (PreparedStatement last =
            connection.prepareStatement(
                "select seq, hash from audit_trail order by seq desc limit 1");
        ResultSet row = last.executeQuery()) {
      if (row.next()) {
        seq = row.getLong(1) + 1;
        previous = row.getBytes(2);
      }
    }
    Instant at = AuditRecord.storable(clock.instant());
    byte[] hash = AuditRecord.hashOf(seq, at, event, previous);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_trail (seq, at, actor, action, tenant, target, source_address,"
                + " outcome, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?)")) {
      insert.setLong(1, seq);
      insert.setTimestamp(2, Timestamp.from(at));
      insert.setString(3, event.actor());
      insert.setString(4, event.action().code());
      insert.setString(5, event.tenant());
      insert.setString(6, event.target());
      insert.setString(7, event.source());
      insert.setString(8, event.outcome().name());
      insert.setString(9, event.detail());
      insert.setBytes(10, previous);
      insert.setBytes(11, hash);
      insert.executeUpdate();
    }
    return seq;
  }

  private boolean checkpointDue(Connection connection) throws SQLException {
    try (PreparedStatement last =
            connection.prepareStatement("select max(signed_at) from audit_checkpoints");
        ResultSet row = last.executeQuery()) {
      row.next();
      Timestamp signedAt = row.getTimestamp(1);
      return signedAt == null || !signedAt.toInstant().plus(signEvery).isAfter(clock.instant());
    }
  }

  private void signHead(Connection connection, TrailSigner key) throws SQLException {
    try (PreparedStatement head =
            connection.prepareStatement(
                "select t.seq, t.hash from audit_trail t where t.seq > coalesce((select max(seq)"
                    + " from audit_checkpoints), 0) order by t.seq desc limit 1");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        return;
      }
      Instant at = AuditRecord.storable(clock.instant());
      Checkpoint checkpoint = key.sign(row.getLong(1), row.getBytes(2), at);
      Checkpoints.insert(connection, checkpoint);
    }
  }

  private static void lock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK);
      lock.execute();
    }
  }
}

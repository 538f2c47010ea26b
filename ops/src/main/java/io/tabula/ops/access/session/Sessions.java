package io.tabula.ops.access.session;

import io.tabula.ops.access.AccessStoreException;
import io.tabula.ops.access.session.SessionEndedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * Sessions in the database, so every console instance sees a sign-out at once. Each {@link #check}
 * ends a session idle for longer than the policy allows or older than its maximum, and otherwise
 * counts as activity. The clock is injected: tests move it, nothing sleeps.
 */
public final class Sessions {

  private final DataSource dataSource;
  private final Clock clock;
  private final SessionPolicy policy;
  private final SecureRandom random = new SecureRandom();

  public Sessions(DataSource dataSource, Clock clock, SessionPolicy policy) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.policy = policy;
  }

  public Session start(long accountId, String clientAddress) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = now();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into sessions (token_hash, account_id, client_address, created_at,"
                    + " last_seen_at) values (?,?,?,?,?)")) {
      s.setBytes(1, hash(token));
      s.setLong(2, accountId);
      s.setString(3, clientAddress);
      s.setTimestamp(4, Timestamp.from(now));
      s.setTimestamp(5, Timestamp.from(now));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not start the session", e);
    }
    return new Session(token, accountId);
  }

  /**
   * The clock's time to the microsecond, as PostgreSQL stores it: compared with a stored time at
   * nanosecond precision, a session idle exactly 15 minutes could still count as active when the
   * database rounded its last activity up.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The account of a live session; records the activity. */
  public long check(String token) throws SessionEndedException {
    Instant now = now();
    try (Connection c = dataSource.getConnection()) {
      long accountId;
      try (PreparedStatement s =
          c.prepareStatement(
              "select account_id, created_at, last_seen_at, ended_reason from sessions"
                  + " where token_hash = ?")) {
        s.setBytes(1, hash(token));
        try (ResultSet row = s.executeQuery()) {
          if (!row.next()) {
            throw new SessionEndedException(Reason.UNKNOWN);
          }
          if (row.getString(4) != null) {
            throw new SessionEndedException(Reason.valueOf(row.getString(4)));
          }
          accountId = row.getLong(1);
          Instant created = row.getTimestamp(2).toInstant();
          Instant lastSeen = row.getTimestamp(3).toInstant();
          if (!now.isBefore(created.plus(policy.maximum()))) {
            end(c, token, Reason.MAXIMUM_REACHED, now);
            throw new SessionEndedException(Reason.MAXIMUM_REACHED);
          }
          if (!now.isBefore(lastSeen.plus(policy.idle()))) {
            end(c, token, Reason.IDLE, now);
            throw new SessionEndedException(Reason.IDLE);
          }
        }
      }
      try (PreparedStatement touch =
          c.prepareStatement("update sessions set last_seen_at = ? where token_hash = ?")) {
        touch.setTimestamp(1, Timestamp.from(now));
        touch.setBytes(2, hash(token));
        touch.executeUpdate();
      }
      return accountId;
    } catch (SQLException e) {
      throw new AccessStoreException("could not check the session", e);
    }
  }

  /** Ends one session (sign-out). */
  public void signOut(String token) {
    try (Connection c = dataSource.getConnection()) {
      end(c, token, Reason.SIGNED_OUT, now());
    } catch (SQLException e) {
      throw new AccessStoreException("could not end the session", e);
    }
  }

  /**
   * Ends every live session of the account except {@code keepToken} (null ends all); returns how
   * many ended.
   */
  public int endAll(long accountId, String keepToken, Reason reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update sessions set ended_at = ?, ended_reason = ? where account_id = ?"
                    + " and ended_at is null and token_hash <> ?")) {
      s.setTimestamp(1, Timestamp.from(now()));
      s.setString(2, reason.name());
      s.setLong(3, accountId);
      s.setBytes(4, keepToken == null ? new byte[0] : hash(keepToken));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not end the account's sessions", e);
    }
  }

  private static void end(Connection c, String token, Reason reason, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "update sessions set ended_at = ?, ended_reason = ? where token_hash = ?"
                + " and ended_at is null")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setString(2, reason.name());
      s.setBytes(3, hash(token));
      s.executeUpdate();
    }
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256; use a standard JDK", e);
    }
  }
}

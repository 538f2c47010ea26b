package io.tabula.ops.access.account;

import io.tabula.ops.access.AccessStoreException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code accounts} and {@code password_history} tables. */
public final class Accounts {

  private static final String COLUMNS =
      "id, login, password_hash, must_change_password, failed_attempts, locked_until,"
          + " totp_confirmed, allowed_networks";

  private final DataSource dataSource;

  public Accounts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Creates an account; {@code passwordHash} empty for a single-sign-on account. */
  public long create(String login, Optional<String> passwordHash, Instant now) {
    return update(
        "insert into accounts (login, password_hash, must_change_password, created_at)"
            + " values (?, ?, true, ?) returning id",
        statement -> {
          statement.setString(1, login);
          statement.setString(2, passwordHash.orElse(null));
          statement.setTimestamp(3, Timestamp.from(now));
        },
        true);
  }

  /**
   * The account of a single-sign-on identity ({@code issuer|subject}), created on first sign-in
   * with no password and no stored role (its roles come from the identity provider's groups).
   */
  public Account findOrCreateSso(String subjectKey, String login, Instant now) {
    update(
        "insert into accounts (login, sso_subject, must_change_password, created_at)"
            + " values (?, ?, false, ?) on conflict (sso_subject) do nothing",
        s -> {
          s.setString(1, login);
          s.setString(2, subjectKey);
          s.setTimestamp(3, Timestamp.from(now));
        },
        false);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + COLUMNS + " from accounts where sso_subject = ?")) {
      s.setString(1, subjectKey);
      return read(s).orElseThrow();
    } catch (SQLException e) {
      throw new AccessStoreException("could not read a single-sign-on account", e);
    }
  }

  public Optional<Account> find(String login) {
    return query("select " + COLUMNS + " from accounts where login = ?", login);
  }

  public Account require(String login) {
    return find(login).orElseThrow(() -> new AccountNotFoundException(login));
  }

  public Optional<Account> findById(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + COLUMNS + " from accounts where id = ?")) {
      s.setLong(1, id);
      return read(s);
    } catch (SQLException e) {
      throw new AccessStoreException("could not read an account", e);
    }
  }

  public List<Account> all() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + COLUMNS + " from accounts order by login");
        ResultSet row = s.executeQuery()) {
      List<Account> all = new ArrayList<>();
      while (row.next()) {
        all.add(account(row));
      }
      return all;
    } catch (SQLException e) {
      throw new AccessStoreException("could not list the accounts", e);
    }
  }

  /** Counts a failure; sets {@code lockedUntil} when the count reaches {@code threshold}. */
  public int recordFailure(long id, int threshold, Instant lockedUntil) {
    return (int)
        update(
            "update accounts set failed_attempts = failed_attempts + 1,"
                + " locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end"
                + " where id = ? returning failed_attempts",
            s -> {
              s.setInt(1, threshold);
              s.setTimestamp(2, Timestamp.from(lockedUntil));
              s.setLong(3, id);
            },
            true);
  }

  /** Clears the failure count and any lock. */
  public void clearFailures(long id) {
    update(
        "update accounts set failed_attempts = 0, locked_until = null where id = ?",
        s -> s.setLong(1, id),
        false);
  }

  /** Stores a new password hash, keeping the old one in the history. */
  public void setPassword(long id, String hash, boolean mustChange, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement history =
              c.prepareStatement(
                  "insert into password_history (account_id, password_hash, set_at)"
                      + " select id, password_hash, ? from accounts"
                      + " where id = ? and password_hash is not null");
          PreparedStatement set =
              c.prepareStatement(
                  "update accounts set password_hash = ?, must_change_password = ?,"
                      + " password_changed_at = ? where id = ?")) {
        history.setTimestamp(1, Timestamp.from(now));
        history.setLong(2, id);
        history.executeUpdate();
        set.setString(1, hash);
        set.setBoolean(2, mustChange);
        set.setTimestamp(3, Timestamp.from(now));
        set.setLong(4, id);
        set.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not store the new password", e);
    }
  }

  /** Rehashes in place (same password, stronger parameters): no history entry. */
  public void replaceHash(long id, String hash) {
    update(
        "update accounts set password_hash = ? where id = ?",
        s -> {
          s.setString(1, hash);
          s.setLong(2, id);
        },
        false);
  }

  /** The current hash then earlier ones, newest first, at most {@code limit}. */
  public List<String> recentHashes(long id, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select password_hash from (select password_hash, 0 as o, 0 as n from accounts"
                    + " where id = ? and password_hash is not null"
                    + " union all select password_hash, 1, id from password_history"
                    + " where account_id = ?) h order by o, n desc limit ?")) {
      s.setLong(1, id);
      s.setLong(2, id);
      s.setInt(3, limit);
      List<String> hashes = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          hashes.add(row.getString(1));
        }
      }
      return hashes;
    } catch (SQLException e) {
      throw new AccessStoreException("could not read the password history", e);
    }
  }

  public void setAllowedNetworks(long id, List<String> cidrs) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("update accounts set allowed_networks = ? where id = ?")) {
      Array array = c.createArrayOf("text", cidrs.toArray());
      s.setArray(1, array);
      s.setLong(2, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not store the account's networks", e);
    }
  }

  private Optional<Account> query(String sql, String login) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, login);
      return read(s);
    } catch (SQLException e) {
      throw new AccessStoreException("could not read an account", e);
    }
  }

  private static Optional<Account> read(PreparedStatement s) throws SQLException {
    try (ResultSet row = s.executeQuery()) {
      return row.next() ? Optional.of(account(row)) : Optional.empty();
    }
  }

  private static Account account(ResultSet row) throws SQLException {
    Timestamp locked = row.getTimestamp(6);
    String[] networks = (String[]) row.getArray(8).getArray();
    return new Account(
        row.getLong(1),
        row.getString(2),
        Optional.ofNullable(row.getString(3)),
        row.getBoolean(4),
        row.getInt(5),
        Optional.ofNullable(locked).map(Timestamp::toInstant),
        row.getBoolean(7),
        List.copyOf(Arrays.asList(networks)));
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private long update(String sql, Binder binder, boolean returnsInt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      if (!returnsInt) {
        s.executeUpdate();
        return 0;
      }
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not update the accounts", e);
    }
  }
}

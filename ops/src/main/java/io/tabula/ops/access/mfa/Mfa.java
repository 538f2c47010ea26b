package io.tabula.ops.access.mfa;

import io.tabula.ops.access.AccessStoreException;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * TOTP enrolment and checks, and one-time recovery codes, per account. A TOTP code is accepted only
 * for a step later than the last one accepted, so a code seen over a shoulder or replayed from a
 * log is refused; a recovery code works once.
 */
public final class Mfa {

  private static final int SECRET_BYTES = 20;
  private static final int RECOVERY_CODES = 10;
  private static final char[] CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  private final DataSource dataSource;
  private final Clock clock;
  private final String issuer;
  private final Optional<TotpSecretCipher> cipher;
  private final Totp totp = Totp.standard();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param cipher seals the secrets at rest; without it enrolment and code checks are refused (fail
   *     closed), which suits tools that never touch MFA ({@code tabula users})
   */
  public Mfa(DataSource dataSource, Clock clock, String issuer, Optional<TotpSecretCipher> cipher) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.issuer = issuer;
    this.cipher = cipher;
  }

  private TotpSecretCipher cipher() {
    return cipher.orElseThrow(
        () ->
            new TotpKeyException(
                "TOTP secrets are sealed with a key outside the database and none is configured;"
                    + " give the TOTP key file (tabula console --totp-key)",
                null));
  }

  /**
   * Starts (or restarts) enrolment with a new secret. An authenticator already confirmed stays in
   * force until the new one is confirmed, so an abandoned re-enrolment never leaves the account
   * with a password alone.
   */
  public TotpEnrolment begin(long accountId, String login) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    TotpSecretCipher.Sealed sealed = cipher().seal(accountId, secret);
    execute(
        "update accounts set totp_pending_secret = ?, totp_pending_key_id = ? where id = ?",
        s -> {
          s.setBytes(1, sealed.blob());
          s.setString(2, sealed.keyId());
          s.setLong(3, accountId);
        });
    String label = enc(issuer) + ":" + enc(login);
    String uri =
        "otpauth://totp/"
            + label
            + "?secret="
            + Base32.encode(secret)
            + "&issuer="
            + enc(issuer)
            + "&algorithm=SHA1&digits=6&period=30";
    Arrays.fill(secret, (byte) 0);
    return new TotpEnrolment(uri, QrCode.png(uri, 256));
  }

  /**
   * Confirms enrolment with a first code from the app; returns the recovery codes, shown once and
   * stored hashed. Returns an empty list when the code is wrong.
   */
  public List<String> confirm(long accountId, int code) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean ok = confirmLocked(c, accountId, code);
        c.commit();
        return ok ? newRecoveryCodes(accountId) : List.of();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not confirm the authenticator", e);
    }
  }

  private boolean confirmLocked(Connection c, long accountId, int code) throws SQLException {
    byte[] pending;
    try (PreparedStatement s =
        c.prepareStatement(
            "select totp_pending_secret, totp_pending_key_id from accounts where id = ? for update")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next() || row.getBytes(1) == null) {
          return false;
        }
        pending = cipher().open(accountId, row.getString(2), row.getBytes(1));
      }
    }
    long step = totp.matchingStep(pending, code, clock.instant());
    Arrays.fill(pending, (byte) 0);
    if (step < 0) {
      return false;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "update accounts set totp_secret = totp_pending_secret, totp_key_id ="
                + " totp_pending_key_id, totp_pending_secret = null, totp_pending_key_id = null,"
                + " totp_confirmed = true, totp_last_step = ? where id = ?")) {
      s.setLong(1, step);
      s.setLong(2, accountId);
      s.executeUpdate();
    }
    return true;
  }

  /** Whether {@code code} is the account's current code and was not used before. */
  public boolean verify(long accountId, int code) {
    return accept(accountId, code);
  }

  /** Uses up a recovery code; false when it is unknown or already used. */
  public boolean useRecoveryCode(long accountId, String code) {
    byte[] hash = sha256(normalise(code));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update recovery_codes set used_at = ? where account_id = ? and code_hash = ?"
                    + " and used_at is null")) {
      s.setTimestamp(1, Timestamp.from(clock.instant()));
      s.setLong(2, accountId);
      s.setBytes(3, hash);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new AccessStoreException("could not check the recovery code", e);
    }
  }

  /** Replaces every recovery code with ten new ones. */
  public List<String> newRecoveryCodes(long accountId) {
    List<String> codes = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete =
              c.prepareStatement("delete from recovery_codes where account_id = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "insert into recovery_codes (account_id, code_hash) values (?, ?)")) {
        delete.setLong(1, accountId);
        delete.executeUpdate();
        for (int i = 0; i < RECOVERY_CODES; i++) {
          String code = recoveryCode();
          codes.add(code);
          insert.setLong(1, accountId);
          insert.setBytes(2, sha256(normalise(code)));
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not store the recovery codes", e);
    }
    return List.copyOf(codes);
  }

  private boolean accept(long accountId, int code) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean ok = acceptLocked(c, accountId, code);
        c.commit();
        return ok;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not check the one-time code", e);
    }
  }

  private boolean acceptLocked(Connection c, long accountId, int code) throws SQLException {
    byte[] secret;
    long lastStep;
    try (PreparedStatement s =
        c.prepareStatement(
            "select totp_secret, totp_confirmed, coalesce(totp_last_step, -1), totp_key_id"
                + " from accounts where id = ? for update")) {
      s.setLong(1, accountId);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next() || row.getBytes(1) == null || !row.getBoolean(2)) {
          return false;
        }
        secret = cipher().open(accountId, row.getString(4), row.getBytes(1));
        lastStep = row.getLong(3);
      }
    }
    long step = totp.matchingStep(secret, code, clock.instant());
    Arrays.fill(secret, (byte) 0);
    if (step < 0 || step <= lastStep) {
      return false;
    }
    try (PreparedStatement s =
        c.prepareStatement("update accounts set totp_last_step = ? where id = ?")) {
      s.setLong(1, step);
      s.setLong(2, accountId);
      s.executeUpdate();
    }
    return true;
  }

  /**
   * Seals every secret not sealed under the current key: those version 1 stored in the clear (no
   * key id) and those under an older key (a rotation). Runs in one transaction; returns how many
   * secrets it sealed.
   */
  public int reseal() {
    TotpSecretCipher key = cipher();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int sealed = reseal(c, key, "totp_secret", "totp_key_id");
        sealed += reseal(c, key, "totp_pending_secret", "totp_pending_key_id");
        c.commit();
        return sealed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AccessStoreException("could not seal the stored TOTP secrets", e);
    }
  }

  private static int reseal(Connection c, TotpSecretCipher key, String secret, String keyId)
      throws SQLException {
    int count = 0;
    try (PreparedStatement select =
            c.prepareStatement(
                "select id, "
                    + secret
                    + ", "
                    + keyId
                    + " from accounts where "
                    + secret
                    + " is not null and ("
                    + keyId
                    + " is null or "
                    + keyId
                    + " <> ?) for update");
        PreparedStatement update =
            c.prepareStatement(
                "update accounts set " + secret + " = ?, " + keyId + " = ? where id = ?")) {
      select.setString(1, key.currentKeyId());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long id = row.getLong(1);
          String oldKey = row.getString(3);
          byte[] plain = oldKey == null ? row.getBytes(2) : key.open(id, oldKey, row.getBytes(2));
          TotpSecretCipher.Sealed sealed = key.seal(id, plain);
          Arrays.fill(plain, (byte) 0);
          update.setBytes(1, sealed.blob());
          update.setString(2, sealed.keyId());
          update.setLong(3, id);
          update.executeUpdate();
          count++;
        }
      }
    }
    return count;
  }

  private String recoveryCode() {
    char[] code = new char[11];
    for (int i = 0; i < code.length; i++) {
      code[i] = i == 5 ? '-' : CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
    }
    return new String(code);
  }

  private static String normalise(String code) {
    return code.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256; use a standard JDK", e);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private void execute(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException("could not update the account's MFA settings", e);
    }
  }
}

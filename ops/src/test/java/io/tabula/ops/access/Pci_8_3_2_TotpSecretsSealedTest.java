package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PCI DSS 8.3.2: authentication factors are unreadable in storage. A TOTP secret is sealed with
 * AES-256-GCM under a key outside the database: a DBA reading {@code accounts} finds no secret,
 * secrets stored in the clear by version 1 are sealed at the next start, a key rotation reseals
 * them, and sign-in works throughout.
 */
class Pci_8_3_2_TotpSecretsSealedTest {

  private static final String PASSWORD = "correct-horse-42-battery";

  @Test
  void aDbaReadingTheAccountsTableFindsNoTotpSecret() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);

      Stored stored = stored(f, "ana");

      assertThat(stored.keyId()).isEqualTo(keyIdOf(f.totpKey));
      assertThat(HexFormat.of().formatHex(stored.blob()))
          .doesNotContain(HexFormat.of().formatHex(secret));
      assertThat(stored.blob().length).isGreaterThan(secret.length);
      assertSignsIn(f, "ana", secret);
    }
  }

  @Test
  void aSecretStoredInTheClearByVersion1IsSealedAtTheNextStart() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      superuser(
          f, "update accounts set totp_secret = ?, totp_key_id = null where login = 'ana'", secret);
      assertThat(stored(f, "ana").blob()).isEqualTo(secret);

      AccessControl restarted = restart(f, f.totpKey, List.of());

      Stored stored = stored(f, "ana");
      assertThat(stored.keyId()).isEqualTo(keyIdOf(f.totpKey));
      assertThat(HexFormat.of().formatHex(stored.blob()))
          .doesNotContain(HexFormat.of().formatHex(secret));
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(restarted.mfa().verify(restarted.accounts().require("ana").id(), code(f, secret)))
          .isTrue();
    }
  }

  @Test
  void aKeyRotationResealsUnderTheNewKeyAndTheOldOneIsNoLongerNeeded() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      Path newKey = f.keyDir.resolve("totp-2.key");
      TotpSecretCipher.generate(newKey);

      restart(f, newKey, List.of(f.totpKey));
      assertThat(stored(f, "ana").keyId()).isEqualTo(keyIdOf(newKey));

      AccessControl onlyNew = restart(f, newKey, List.of());
      f.clock.advance(Duration.ofSeconds(30));
      assertThat(onlyNew.mfa().verify(onlyNew.accounts().require("ana").id(), code(f, secret)))
          .isTrue();
    }
  }

  @Test
  void aSealedSecretCopiedToAnotherAccountDoesNotOpen() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] anaSecret = f.createEnrolled("ana", PASSWORD);
      f.createEnrolled("bob", "another-horse-43-battery");
      superuser(
          f,
          "update accounts set totp_secret = (select totp_secret from accounts where login ="
              + " 'ana') where login = 'bob' and ? is not null",
          new byte[] {1});

      f.clock.advance(Duration.ofSeconds(30));
      long bob = f.access.accounts().require("bob").id();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> f.access.mfa().verify(bob, code(f, anaSecret)))
          .isInstanceOf(io.tabula.ops.access.mfa.TotpKeyException.class)
          .hasMessageContaining("re-enrol");
    }
  }

  private record Stored(byte[] blob, String keyId) {}

  private static Stored stored(AccessFixture f, String login) throws Exception {
    try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
        PreparedStatement s =
            c.prepareStatement("select totp_secret, totp_key_id from accounts where login = ?")) {
      s.setString(1, login);
      try (ResultSet row = s.executeQuery()) {
        assertThat(row.next()).isTrue();
        return new Stored(row.getBytes(1), row.getString(2));
      }
    }
  }

  private static void superuser(AccessFixture f, String sql, byte[] value) throws Exception {
    try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setBytes(1, value);
      s.executeUpdate();
    }
  }

  private static AccessControl restart(AccessFixture f, Path key, List<Path> older)
      throws Exception {
    return new AccessControl(
        f.db.dataSource(),
        f.access.settings(),
        Optional.empty(),
        Optional.of(TotpSecretCipher.load(key, older)));
  }

  private static String keyIdOf(Path key) throws Exception {
    return TotpSecretCipher.load(key, List.of()).currentKeyId();
  }

  private static int code(AccessFixture f, byte[] secret) {
    return f.currentCode(secret);
  }

  private static void assertSignsIn(AccessFixture f, String login, byte[] secret) {
    f.clock.advance(Duration.ofSeconds(30));
    assertThat(f.signIn(login, PASSWORD, AccessFixture.sixDigits(f.currentCode(secret))))
        .isInstanceOf(SignInOutcome.SignedIn.class);
  }
}

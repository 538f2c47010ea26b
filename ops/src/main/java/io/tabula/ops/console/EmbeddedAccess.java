package io.tabula.ops.console;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessDatabaseSettings;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.audit.TrailKeys;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The access database of {@code tabula console} on the embedded defaults: an embedded PostgreSQL 17
 * (TLS on, reached with verify-full like any other), a login role owning a {@code tabula_access}
 * database, an Ed25519 key pair for the audit trail's checkpoints and the key that seals TOTP
 * secrets, both in the work folder.
 */
public final class EmbeddedAccess implements AutoCloseable {

  private static final String ROLE = "tabula_access";

  private final EmbeddedPostgres postgres;
  private final AccessDatabase database;
  private final AccessControl access;
  private final Path publicKey;

  private EmbeddedAccess(
      EmbeddedPostgres postgres, AccessDatabase database, AccessControl access, Path publicKey) {
    this.postgres = postgres;
    this.database = database;
    this.access = access;
    this.publicKey = publicKey;
  }

  public static EmbeddedAccess start(Path work, AccessSettings settings)
      throws IOException, GeneralSecurityException {
    EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    try {
      Path passwordFile = work.resolve("access-db.password");
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      Files.writeString(passwordFile, password + "\n");
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
      try (Connection admin = postgres.connectAsSuperuser("postgres");
          Statement s = admin.createStatement()) {
        // The password is 32 hex digits made here: nothing to escape.
        s.execute("create role " + ROLE + " login password '" + password + "'");
        s.execute("create database tabula_access owner " + ROLE);
      }
      AccessDatabase database =
          AccessDatabase.open(
              new AccessDatabaseSettings(
                  "localhost",
                  postgres.port(),
                  "tabula_access",
                  ROLE,
                  passwordFile,
                  postgres.caCertificate()));
      Path privateKey = work.resolve("trail.key");
      Path publicKey = work.resolve("trail.pub");
      TrailKeys.generate(privateKey, publicKey);
      Path totpKey = work.resolve("totp.key");
      TotpSecretCipher.generate(totpKey);
      AccessControl access =
          new AccessControl(
              database.dataSource(),
              settings,
              Optional.of(TrailKeys.signer(privateKey, publicKey)),
              Optional.of(TotpSecretCipher.load(totpKey, List.of())));
      return new EmbeddedAccess(postgres, database, access, publicKey);
    } catch (SQLException e) {
      postgres.close();
      throw new IllegalStateException(
          "could not create the access database in the embedded PostgreSQL; see its log in "
              + "the work folder",
          e);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public AccessControl access() {
    return access;
  }

  /** The public key that checks the trail's checkpoints ({@code tabula audit trail verify}). */
  public Path trailPublicKey() {
    return publicKey;
  }

  @Override
  public void close() {
    database.close();
    postgres.close();
  }
}

package io.tabula.ops.console;

import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.FirstAdmin;
import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.audit.Repeater;
import io.tabula.ops.access.audit.TrailCheckpointer;
import io.tabula.ops.access.audit.TrailKeys;
import io.tabula.ops.access.cli.AccessDatabaseOptions;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.role.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code tabula console} keeps accounts, sessions and the audit trail: the access database
 * named by {@code --db-host} (with the trail's key pair), or on the embedded defaults a new
 * embedded PostgreSQL.
 */
final class ConsoleAccess implements AutoCloseable {

  private static final Actor SYSTEM = new Actor("system", "local");

  private final AccessControl control;
  private final Runnable closer;
  private final Optional<EmbeddedAccess> embedded;
  private final TrailCheckpointer checkpoints;

  /** Starts signing the trail's head every {@code signEvery} (and at {@link #close}). */
  private ConsoleAccess(AccessControl control, Runnable closer, Optional<EmbeddedAccess> embedded) {
    this.control = control;
    this.closer = closer;
    this.embedded = embedded;
    this.checkpoints =
        TrailCheckpointer.start(
            control.trail(),
            control.settings().signEvery(),
            Repeater.daemon("tabula-trail-checkpoint"));
  }

  static ConsoleAccess open(
      AccessDatabaseOptions options,
      Path trailKey,
      Path trailPublicKey,
      Path totpKey,
      List<Path> olderTotpKeys,
      Path work)
      throws IOException, GeneralSecurityException {
    if (!options.given()) {
      EmbeddedAccess embedded = EmbeddedAccess.start(work, AccessSettings.defaults());
      return new ConsoleAccess(embedded.access(), embedded::close, Optional.of(embedded));
    }
    AccessDatabase database = options.open();
    AccessControl control =
        new AccessControl(
            database.dataSource(),
            AccessSettings.defaults(),
            Optional.of(TrailKeys.signer(trailKey, trailPublicKey)),
            Optional.of(TotpSecretCipher.load(totpKey, olderTotpKeys)));
    return new ConsoleAccess(control, database::close, Optional.empty());
  }

  AccessControl control() {
    return control;
  }

  /**
   * The first admin's one-time password when the database has no account yet. On the embedded
   * defaults (a demo on one machine, one person) the first admin also holds every other role on the
   * shipped tenants so that person can edit and publish; against a real database it holds only the
   * admin role, and grants the rest with {@code tabula users roles}.
   */
  Optional<char[]> firstAdmin(List<String> tenants) {
    Optional<char[]> password = FirstAdmin.ensure(control, tenants);
    if (password.isPresent() && embedded.isPresent()) {
      for (String tenant : tenants) {
        for (Role role : Role.values()) {
          control.admin().grant(SYSTEM, FirstAdmin.LOGIN, tenant, role);
        }
      }
    }
    return password;
  }

  void describe(PrintWriter out) {
    embedded.ifPresent(
        e ->
            out.printf(
                "Accounts and audit trail: an embedded PostgreSQL (gone when the console stops);"
                    + " trail public key %s%n",
                e.trailPublicKey()));
  }

  /**
   * Signs the trail's head a last time, then closes the database. On the embedded defaults the
   * trail is gone with the process (and the embedded PostgreSQL stops on its own shutdown hook), so
   * there is nothing to sign.
   */
  @Override
  public void close() {
    try {
      if (embedded.isPresent()) {
        checkpoints.stop();
      } else {
        checkpoints.close();
      }
    } finally {
      closer.run();
    }
  }
}

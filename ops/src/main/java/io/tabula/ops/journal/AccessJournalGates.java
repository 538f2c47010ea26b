package io.tabula.ops.journal;

import io.tabula.journal.access.AccessDatabaseRef;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalGate;
import io.tabula.journal.access.JournalGateProvider;
import io.tabula.journal.access.JournalSignIn;
import io.tabula.journal.access.JournalTrailException;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessDatabaseSettings;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * {@code tabula journal ... --as LOGIN} under access control: signs the user in against the access
 * database as the console does (password and authenticator code, lock-out, allow-list; the sign-in
 * itself is in the trail), and gives a {@link TrailJournalGate} for their roles. Closing the gate
 * signs the session out and closes the database. Found by {@link java.util.ServiceLoader}.
 */
public final class AccessJournalGates implements JournalGateProvider {

  @Override
  public JournalGate signIn(AccessDatabaseRef ref, JournalSignIn signIn)
      throws JournalAccessDeniedException {
    TotpSecretCipher totp;
    try {
      totp = TotpSecretCipher.load(ref.totpKey(), List.of());
    } catch (java.io.IOException e) {
      throw JournalAccessDeniedException.noTotpKey(ref.totpKey());
    }
    AccessDatabase database =
        AccessDatabase.open(
            new AccessDatabaseSettings(
                ref.host(),
                ref.port(),
                ref.name(),
                ref.user(),
                ref.passwordFile(),
                ref.caCertificate()));
    try {
      AccessControl access =
          new AccessControl(
              database.dataSource(),
              AccessSettings.defaults(),
              Optional.empty(),
              Optional.of(totp));
      SignInOutcome outcome;
      try (SignInAttempt attempt =
          new SignInAttempt(
              signIn.login(),
              signIn.password().clone(),
              signIn.code(),
              InetAddress.getLoopbackAddress())) {
        outcome = access.signIn().signIn(attempt);
      }
      if (!(outcome instanceof SignInOutcome.SignedIn in)) {
        throw JournalAccessDeniedException.signInRefused(signIn.login());
      }
      return new TrailJournalGate(
          access,
          in.principal(),
          "cli@" + host(),
          () -> {
            try {
              access.sessions().signOut(in.session().token());
            } finally {
              database.close();
            }
          });
    } catch (JournalAccessDeniedException e) {
      database.close();
      throw e;
    } catch (RuntimeException e) {
      // the sign-in could not be checked or recorded (the trail, the database): fail closed
      database.close();
      throw new JournalTrailException(e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}

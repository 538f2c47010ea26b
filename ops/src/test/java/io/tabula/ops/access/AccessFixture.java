package io.tabula.ops.access;

import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.TrailKeys;
import io.tabula.ops.access.audit.TrailSigner;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.mfa.TotpEnrolment;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.password.PasswordRejectedException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A fresh access database, a movable clock and helpers that act as a user would. */
public final class AccessFixture implements AutoCloseable {

  public static final Actor ADMIN = new Actor("cli:test", "cli@test");
  public static final InetAddress HOME = Cidr("198.51.100.7");

  public final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
  public final AccessDatabaseSettings dbSettings;
  public final AccessDatabase db;
  public final AccessControl access;
  public final Path keyDir;
  public final Path privateKey;
  public final Path publicKey;
  public final Path totpKey;

  private AccessFixture(AccessSettings base) throws Exception {
    dbSettings = AccessTestDatabase.fresh();
    db = AccessDatabase.open(dbSettings);
    keyDir = Files.createTempDirectory("tabula-trail-keys-");
    privateKey = keyDir.resolve("trail.key");
    publicKey = keyDir.resolve("trail.pub");
    TrailKeys.generate(privateKey, publicKey);
    TrailSigner signer = TrailKeys.signer(privateKey, publicKey);
    totpKey = keyDir.resolve("totp.key");
    TotpSecretCipher.generate(totpKey);
    access =
        new AccessControl(
            db.dataSource(),
            base.withClock(clock),
            Optional.of(signer),
            Optional.of(TotpSecretCipher.load(totpKey, List.of())));
  }

  public static AccessFixture open() throws Exception {
    return new AccessFixture(AccessSettings.defaults());
  }

  public static AccessFixture open(AccessSettings settings) throws Exception {
    return new AccessFixture(settings);
  }

  static InetAddress Cidr(String literal) {
    return io.tabula.ops.access.session.Cidr.address(literal);
  }

  /** Creates {@code login}, changes the one-time password to {@code password}; no MFA yet. */
  public void createWithPassword(String login, String password) throws PasswordRejectedException {
    char[] oneTime = access.admin().create(ADMIN, login);
    access.signIn().changePassword(login, oneTime, password.toCharArray(), HOME, null);
    Arrays.fill(oneTime, '\0');
  }

  /**
   * Creates {@code login} with {@code password} and an enrolled authenticator; returns its secret.
   */
  public byte[] createEnrolled(String login, String password) throws Exception {
    createWithPassword(login, password);
    SignInOutcome first = signIn(login, password, null);
    long id = ((SignInOutcome.MfaEnrolmentRequired) first).accountId();
    TotpEnrolment enrolment = access.beginMfaEnrolment(id, "198.51.100.7");
    byte[] secret = secretOf(enrolment.uri());
    var codes = access.confirmMfaEnrolment(id, currentCode(secret), "198.51.100.7");
    if (codes.isEmpty()) {
      throw new IllegalStateException("enrolment did not confirm");
    }
    clock.advance(Duration.ofSeconds(30));
    return secret;
  }

  public int currentCode(byte[] secret) {
    return Totp.standard().code(secret, Totp.step(clock.instant()));
  }

  public SignInOutcome signIn(String login, String password, String secondFactor) {
    return signInFrom(login, password, secondFactor, HOME);
  }

  public SignInOutcome signInFrom(
      String login, String password, String secondFactor, InetAddress from) {
    try (SignInAttempt attempt =
        new SignInAttempt(login, password.toCharArray(), Optional.ofNullable(secondFactor), from)) {
      return access.signIn().signIn(attempt);
    }
  }

  /**
   * Leaves the trail record a draft save in the console leaves (see
   * Pci_10_2_PublishRecordedFirstTest): the two-person rule reads who saved last from it.
   */
  public void recordDraftSave(String login, String tenant, String flow) {
    access
        .trail()
        .record(
            AuditEvent.of(
                    login,
                    AuditAction.DRAFT_SAVE,
                    tenant + "/" + flow,
                    "127.0.0.1",
                    Outcome.SUCCESS)
                .withTenant(tenant)
                .withDetail("chars=1"));
  }

  public static String sixDigits(int code) {
    return "%06d".formatted(code);
  }

  /** The Base32 secret of an otpauth URI, decoded. */
  public static byte[] secretOf(String otpauth) {
    String query = URI.create(otpauth).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("secret=")) {
        return base32(pair.substring(7));
      }
    }
    throw new IllegalArgumentException("no secret in the URI");
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    db.close();
  }
}

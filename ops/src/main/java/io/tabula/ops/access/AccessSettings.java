package io.tabula.ops.access;

import io.tabula.ops.access.password.Argon2Settings;
import io.tabula.ops.access.session.Cidr;
import io.tabula.ops.access.session.SessionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every access-control setting, with PCI DSS defaults ({@link #defaults()}).
 *
 * @param clock the time source; tests pass a clock they move
 * @param argon2 password hash cost (OWASP's current guidance by default)
 * @param lockout failures before a lock-out and how long it lasts (8.3.4: 10 and 30 minutes)
 * @param sessions idle and maximum session length (8.2.8: 15 minutes idle)
 * @param trustedProxies proxies whose X-Forwarded-For is believed; empty: none
 * @param twoPersonPublishing a publisher cannot publish their own draft
 * @param signEvery how often the audit trail's head is signed (at the next record after that)
 * @param mfaIssuer the name shown in authenticator apps
 */
public record AccessSettings(
    Clock clock,
    Argon2Settings argon2,
    Lockout lockout,
    SessionPolicy sessions,
    List<Cidr> trustedProxies,
    boolean twoPersonPublishing,
    Duration signEvery,
    String mfaIssuer) {

  /** Lock-out after {@code maxFailures} failed attempts in a row, for {@code duration}. */
  public record Lockout(int maxFailures, Duration duration) {
    public static final Lockout PCI = new Lockout(10, Duration.ofMinutes(30));

    public Lockout {
      if (maxFailures < 1 || maxFailures > 10 || duration.compareTo(Duration.ofMinutes(30)) < 0) {
        throw new IllegalArgumentException(
            "PCI DSS 8.3.4 asks for a lock-out after at most 10 failures, for at least 30"
                + " minutes; use Lockout.PCI");
      }
    }
  }

  public AccessSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  public static AccessSettings defaults() {
    return new AccessSettings(
        Clock.systemUTC(),
        Argon2Settings.OWASP,
        Lockout.PCI,
        SessionPolicy.DEFAULT,
        List.of(),
        false,
        Duration.ofMinutes(5),
        "Tabula");
  }

  public AccessSettings withClock(Clock clock) {
    return new AccessSettings(
        clock,
        argon2,
        lockout,
        sessions,
        trustedProxies,
        twoPersonPublishing,
        signEvery,
        mfaIssuer);
  }

  public AccessSettings withArgon2(Argon2Settings argon2) {
    return new AccessSettings(
        clock,
        argon2,
        lockout,
        sessions,
        trustedProxies,
        twoPersonPublishing,
        signEvery,
        mfaIssuer);
  }

  public AccessSettings withTrustedProxies(List<Cidr> proxies) {
    return new AccessSettings(
        clock, argon2, lockout, sessions, proxies, twoPersonPublishing, signEvery, mfaIssuer);
  }

  public AccessSettings withTwoPersonPublishing(boolean on) {
    return new AccessSettings(
        clock, argon2, lockout, sessions, trustedProxies, on, signEvery, mfaIssuer);
  }
}

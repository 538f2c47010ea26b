package io.tabula.ops.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: a random id in a {@code Secure; HttpOnly; SameSite=Strict}
 * cookie, and per session a CSRF token that every state-changing request must echo. A visitor gets
 * an anonymous session (for the login form's token); logging in replaces it with a new id.
 */
final class Sessions {

  static final String COOKIE = "tabula_console";

  /**
   * A sign-in halfway: the password was right, but it must be changed first, or an authenticator
   * enrolled. Only the pages of that step open to it.
   */
  record Pending(long accountId, String login, Step step) {
    enum Step {
      CHANGE_PASSWORD,
      ENROL_MFA
    }
  }

  /**
   * One browser's session; {@code account} is null until it signs in, then {@code accessToken} is
   * the access library's session, checked on every request (15 minutes idle, a fixed maximum).
   */
  record Session(
      String id,
      Account account,
      String csrf,
      Instant expires,
      String accessToken,
      Pending pending) {
    boolean loggedIn() {
      return account != null;
    }
  }

  private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(15);
  private static final int SWEEP_ABOVE = 1_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;

  Sessions(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
  }

  /**
   * A session for a visitor who has not logged in. It lives {@link #ANONYMOUS_IDLE} only, and
   * expired sessions are swept as new ones come, so requests without a cookie cannot fill memory.
   */
  Session anonymous() {
    if (sessions.size() > SWEEP_ABOVE) {
      Instant now = clock.instant();
      sessions.values().removeIf(session -> now.isAfter(session.expires()));
    }
    Session session =
        new Session(token(), null, token(), clock.instant().plus(ANONYMOUS_IDLE), null, null);
    sessions.put(session.id(), session);
    return session;
  }

  /**
   * A new session for {@code account} and its access-library session; the old one (if any) ends,
   * against session fixation.
   */
  Session login(String oldId, Account account, String accessToken) {
    end(oldId);
    Session session =
        new Session(token(), account, token(), clock.instant().plus(idle), accessToken, null);
    sessions.put(session.id(), session);
    return session;
  }

  /** A new anonymous session in the middle of a sign-in ({@code pending}); the old one ends. */
  Session pending(String oldId, Pending pending) {
    end(oldId);
    Session session =
        new Session(token(), null, token(), clock.instant().plus(ANONYMOUS_IDLE), null, pending);
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this id, its idle time renewed. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (now.isAfter(session.expires())) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session renewed =
        new Session(
            id,
            session.account(),
            session.csrf(),
            now.plus(session.loggedIn() ? idle : ANONYMOUS_IDLE),
            session.accessToken(),
            session.pending());
    sessions.put(id, renewed);
    return Optional.of(renewed);
  }

  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

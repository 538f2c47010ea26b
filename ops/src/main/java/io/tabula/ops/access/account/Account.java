package io.tabula.ops.access.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored account as the sign-in logic needs it. The password hash is an Argon2id PHC string,
 * never a password.
 */
public record Account(
    long id,
    String login,
    Optional<String> passwordHash,
    boolean mustChangePassword,
    int failedAttempts,
    Optional<Instant> lockedUntil,
    boolean totpConfirmed,
    List<String> allowedNetworks) {

  public boolean lockedAt(Instant now) {
    return lockedUntil.map(now::isBefore).orElse(false);
  }

  @Override
  public String toString() {
    return "Account[" + id + ", " + login + "]";
  }
}

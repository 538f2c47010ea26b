package io.tabula.ops.access.account;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * One sign-in attempt: login, password, the second factor (a 6-digit TOTP code or a recovery code)
 * and the client's address (already resolved through trusted proxies). {@link #close()} zeroes the
 * password.
 */
public record SignInAttempt(
    String login, char[] password, Optional<String> secondFactor, InetAddress client)
    implements AutoCloseable {

  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "SignInAttempt[" + login + " from " + client.getHostAddress() + "]";
  }
}

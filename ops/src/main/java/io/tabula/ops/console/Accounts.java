package io.tabula.ops.console;

import java.util.Optional;

/**
 * Where the console checks a login. The console knows nothing else about accounts: {@link
 * LocalAccounts} is the minimal built-in one, and the accounts library (Argon2id, TOTP, OIDC, audit
 * trail) replaces it by implementing this interface.
 */
public interface Accounts {

  /**
   * The account when the name and password match, else empty (for an unknown name too, so the
   * answer does not tell which was wrong). The caller zeroes {@code password} afterwards.
   */
  Optional<Account> login(String name, char[] password);
}

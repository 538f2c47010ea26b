package io.tabula.ops.access.account;

/** No account has that login. */
public final class AccountNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccountNotFoundException(String login) {
    super("no account '" + login + "'; list accounts with tabula users list");
  }
}

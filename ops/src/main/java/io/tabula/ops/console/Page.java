package io.tabula.ops.console;

/**
 * What every page's layout needs: its title, who is signed in (null on the sign-in pages), the
 * session's CSRF token for forms and htmx requests, the asset paths, and the tenant the page is
 * about (null when none), against which {@link #may} checks the account's roles.
 */
public record Page(String title, Account account, String csrf, Assets assets, String tenant) {

  public Page(String title, Account account, String csrf, Assets assets) {
    this(title, account, csrf, assets, null);
  }

  public boolean may(Role role) {
    return account != null && account.may(role, tenant);
  }
}

package io.tabula.ops.console;

/**
 * What every page's layout needs: its title, who is logged in (null on the login page), the
 * session's CSRF token for forms and htmx requests, and the asset paths.
 */
public record Page(String title, Account account, String csrf, Assets assets) {

  public boolean may(Role role) {
    return account != null && account.role().includes(role);
  }
}

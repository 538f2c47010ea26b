package io.tabula.ops.access;

import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.role.Role;
import java.util.List;
import java.util.Optional;

/**
 * The first account of an empty access database: {@code admin}, holding the admin role on the given
 * tenants only, with a one-time password that must be changed at first sign-in (8.3.5). For {@code
 * tabula console} on the embedded defaults; it does nothing once any account exists.
 */
public final class FirstAdmin {

  public static final String LOGIN = "admin";
  private static final Actor SYSTEM = new Actor("system", "local");

  private FirstAdmin() {}

  /** The one-time password to show once, or empty when accounts already exist. */
  public static Optional<char[]> ensure(AccessControl access, List<String> tenants) {
    if (!access.accounts().all().isEmpty()) {
      return Optional.empty();
    }
    char[] password = access.admin().create(SYSTEM, LOGIN);
    for (String tenant : tenants) {
      access.admin().grant(SYSTEM, LOGIN, tenant, Role.ADMIN);
    }
    return Optional.of(password);
  }
}

package io.tabula.ops.console;

import io.tabula.ops.access.role.Principal;
import java.util.List;
import java.util.Map;

/**
 * Who is signed in to the console: a name for the history, and the access library's principal
 * (roles per tenant) for what they may do where.
 */
public record Account(String name, Principal principal) {

  /** An actor that is not a person (the shipped flows' first publish); it holds no role. */
  public static Account system(String name) {
    return new Account(name, new Principal(0, name, Map.of()));
  }

  /**
   * The tenants whose audit trail this account reads: where it is an auditor, or an admin (who
   * answers for the accounts and roles the trail records). Empty: no trail page for it.
   */
  public List<String> trailTenants() {
    return principal.rolesByTenant().entrySet().stream()
        .filter(
            e ->
                e.getValue().contains(io.tabula.ops.access.role.Role.AUDITOR)
                    || e.getValue().contains(io.tabula.ops.access.role.Role.ADMIN))
        .map(java.util.Map.Entry::getKey)
        .sorted()
        .toList();
  }

  public boolean mayReadTrail() {
    return !trailTenants().isEmpty();
  }

  /** True when the account's roles on {@code tenant} grant what {@code needed} stands for. */
  public boolean may(Role needed, String tenant) {
    return tenant != null
        && principal.rolesOn(tenant).stream()
            .anyMatch(role -> role.permissions().contains(needed.permission()));
  }
}

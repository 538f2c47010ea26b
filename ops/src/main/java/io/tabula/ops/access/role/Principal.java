package io.tabula.ops.access.role;

import java.util.Map;
import java.util.Set;

/**
 * Who is acting: an account and its roles per tenant. Built by sign-in (local or OIDC) from the
 * stored grants or the identity provider's groups.
 */
public record Principal(long accountId, String login, Map<String, Set<Role>> rolesByTenant) {

  public Principal {
    rolesByTenant = Map.copyOf(rolesByTenant);
  }

  public Set<Role> rolesOn(String tenant) {
    return rolesByTenant.getOrDefault(tenant, Set.of());
  }
}

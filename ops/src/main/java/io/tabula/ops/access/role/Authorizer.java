package io.tabula.ops.access.role;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what on which tenant: the one question the console and the CLI ask before acting. It
 * answers from roles alone; the two-person rule, which also needs who saved the draft and the
 * tenant's setting, is {@link io.tabula.ops.access.TwoPersonPublishing}, asked after this.
 *
 * <pre>{@code
 * Authorizer authorizer = new Authorizer();
 * authorizer.check(principal, Permission.PUBLISH, "city");           // throws AccessDeniedException
 * access.twoPersonPublishing().check(principal.login(), "city", "parking-ticket"); // then this
 * }</pre>
 */
public final class Authorizer {

  public boolean may(Principal principal, Permission permission, String tenant) {
    return permissions(principal, tenant).contains(permission);
  }

  /** Every permission the principal holds on {@code tenant}; empty for any other tenant. */
  public Set<Permission> permissions(Principal principal, String tenant) {
    Set<Permission> all = EnumSet.noneOf(Permission.class);
    for (Role role : principal.rolesOn(tenant)) {
      all.addAll(role.permissions());
    }
    return all;
  }

  public void check(Principal principal, Permission permission, String tenant)
      throws AccessDeniedException {
    if (!may(principal, permission, tenant)) {
      throw new AccessDeniedException(
          principal.login(),
          permission,
          tenant,
          "ask an admin of that tenant for a role that grants it");
    }
  }

  /** The tenants the principal holds any role on: the only ones the console may list. */
  public Set<String> visibleTenants(Principal principal) {
    Set<String> tenants = new TreeSet<>();
    for (Map.Entry<String, Set<Role>> entry : principal.rolesByTenant().entrySet()) {
      if (!entry.getValue().isEmpty()) {
        tenants.add(entry.getKey());
      }
    }
    return tenants;
  }
}

package io.tabula.ops.access.role;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what on which tenant: the one question the console and the CLI ask before acting.
 *
 * <pre>{@code
 * Authorizer authorizer = new Authorizer(new AuthorizerSettings(true));
 * authorizer.check(principal, Permission.PUBLISH, "city");           // throws AccessDeniedException
 * authorizer.checkPublish(principal, "city", draftAuthorLogin);       // two-person rule too
 * }</pre>
 */
public final class Authorizer {

  /**
   * @param twoPersonPublishing when true, a publisher cannot publish a draft they saved themselves
   */
  public record Settings(boolean twoPersonPublishing) {}

  private final Settings settings;

  public Authorizer(Settings settings) {
    this.settings = settings;
  }

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

  /** Publishing, with the two-person rule when it is on. */
  public void checkPublish(Principal principal, String tenant, String draftAuthor)
      throws AccessDeniedException {
    check(principal, Permission.PUBLISH, tenant);
    if (settings.twoPersonPublishing() && principal.login().equals(draftAuthor)) {
      throw new AccessDeniedException(
          principal.login(),
          Permission.PUBLISH,
          tenant,
          "two-person publishing is on and this is your own draft; another publisher must"
              + " publish it");
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

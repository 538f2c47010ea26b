package io.tabula.ops.access.role;

/** The principal lacks the permission on that tenant (HTTP 403 in the console). */
public final class AccessDeniedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Permission permission;
  private final String tenant;

  public AccessDeniedException(String login, Permission permission, String tenant, String why) {
    super(
        login
            + " may not "
            + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + " on tenant "
            + tenant
            + ": "
            + why);
    this.permission = permission;
    this.tenant = tenant;
  }

  public Permission permission() {
    return permission;
  }

  public String tenant() {
    return tenant;
  }
}

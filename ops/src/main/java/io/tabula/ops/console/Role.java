package io.tabula.ops.console;

import io.tabula.ops.access.role.Permission;

/**
 * What a console page or action needs, as the access library's permission on the page's tenant
 * (roles are per tenant: see {@link io.tabula.ops.access.role.Role}).
 */
public enum Role {
  /** Sees the tenant's flows, versions, graphs and diffs. */
  VIEWER(Permission.READ_FLOWS),
  /** Saves drafts. */
  EDITOR(Permission.SAVE_DRAFT),
  /** Tries drafts on the softphone. */
  SIMULATOR(Permission.SIMULATE),
  /** Publishes drafts. */
  PUBLISHER(Permission.PUBLISH),
  /** Rolls back to an earlier version. */
  ROLL_BACK(Permission.ROLL_BACK);

  private final Permission permission;

  Role(Permission permission) {
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }
}

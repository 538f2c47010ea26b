package io.tabula.ops.access.role;

/** What a user may do on a tenant; each role grants a fixed set (see {@link Role}). */
public enum Permission {
  READ_FLOWS,
  READ_DASHBOARDS,
  SAVE_DRAFT,
  SIMULATE,
  PUBLISH,
  ROLL_BACK,
  READ_AUDIT_TRAIL,
  EXPORT_AUDIT_TRAIL,
  RUN_AUDITS,
  MANAGE_ACCOUNTS,
  MANAGE_ROLES
}

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
  MANAGE_ROLES,
  /** Finds a tenant's journal records by one exact value, sealed values masked. */
  JOURNAL_SEARCH,
  /** Asks to open the sealed values of records found, with a reason and the key client-side. */
  JOURNAL_REIDENTIFY,
  /** Counts a tenant's journal records (no contents). */
  JOURNAL_COUNT,
  /** Erases a caller's records (GDPR art. 17) and runs the retention purge. */
  JOURNAL_ERASE,
  /** Registers and rotates the tenant's journal public keys. */
  JOURNAL_KEYS
}

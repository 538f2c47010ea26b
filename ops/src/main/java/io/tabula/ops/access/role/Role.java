package io.tabula.ops.access.role;

import static io.tabula.ops.access.role.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The six roles, each scoped to one tenant by a grant. Least privilege (PCI DSS 7.2.1): a new
 * account has no role at all, and no role implies another; someone who edits and publishes holds
 * both grants.
 */
public enum Role {
  /** Reads flows and dashboards. */
  VIEWER(EnumSet.of(READ_FLOWS, READ_DASHBOARDS)),
  /** Saves drafts and simulates them. */
  EDITOR(EnumSet.of(READ_FLOWS, SAVE_DRAFT, SIMULATE)),
  /** Publishes and rolls back. */
  PUBLISHER(EnumSet.of(READ_FLOWS, PUBLISH, ROLL_BACK)),
  /** Reads and exports the audit trail, runs audits. */
  AUDITOR(EnumSet.of(READ_AUDIT_TRAIL, EXPORT_AUDIT_TRAIL, RUN_AUDITS, JOURNAL_COUNT)),
  /**
   * Manages accounts and roles, the call journal's keys and erasures; reads nothing of the flows or
   * of journal records by this role alone.
   */
  ADMIN(EnumSet.of(MANAGE_ACCOUNTS, MANAGE_ROLES, JOURNAL_KEYS, JOURNAL_ERASE)),
  /**
   * A customer-service rep: finds a caller's journal records by an exact ticket or account number
   * and may ask to re-identify them (the private key stays with whoever holds it, client-side).
   */
  REP(EnumSet.of(JOURNAL_SEARCH, JOURNAL_REIDENTIFY));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code viewer}, {@code EDITOR}, ...; the error lists the valid names. */
  public static Role parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + text + "'; use viewer, editor, publisher, auditor, admin or rep", e);
    }
  }
}

package io.tabula.ops.access.audit;

import java.util.Locale;

/** What happened (PCI DSS 10.2.1): each kind of event the access layer and its callers record. */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILURE,
  LOCK_OUT,
  UNLOCK,
  SIGN_OUT,
  SESSION_END,
  PASSWORD_CHANGE,
  PASSWORD_RESET,
  MFA_ENROL,
  MFA_RECOVERY_CODE_USED,
  ACCOUNT_CREATE,
  ROLE_GRANT,
  ROLE_REVOKE,
  ACCESS_DENIED,
  DRAFT_SAVE,
  PUBLISH,
  ROLL_BACK,
  EXPORT,
  /** A search of the call journal by one exact value: which records it found. */
  JOURNAL_SEARCH,
  /** A request to open journal records' sealed values, with its reason, before they are sent. */
  JOURNAL_REIDENTIFY,
  /** Journal records erased (GDPR art. 17) or purged by retention. */
  JOURNAL_ERASE,
  /** A count of a tenant's journal records. */
  JOURNAL_COUNT,
  /** A tenant's journal key pair made or a public key registered. */
  JOURNAL_KEY_CHANGE,
  /** A tenant's access setting changed (two-person publishing); the detail says to what. */
  TENANT_SETTING_CHANGE;

  /** The stored name: lower case with dashes, e.g. {@code sign-in-failure}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static AuditAction fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}

package io.tabula.journal.access;

/** What someone does with the call journal; each needs its own permission on the tenant. */
public enum JournalAction {
  /** Find records by one exact value, sealed values masked. */
  SEARCH,
  /** Ask for the sealed values of records found, with a reason, to open them client-side. */
  REIDENTIFY,
  /** Count a tenant's records (the auditor's view: no contents). */
  COUNT,
  /** Erase a caller's records (GDPR art. 17). */
  ERASE,
  /** Delete what the tenant's retention no longer allows. */
  PURGE,
  /** Make a key pair or register a public key for the tenant. */
  KEY_CHANGE
}

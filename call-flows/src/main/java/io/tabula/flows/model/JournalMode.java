package io.tabula.flows.model;

/**
 * What the call journal keeps of a value the caller keyed or a lookup returned. {@code block} (the
 * default) keeps nothing of it; {@code encrypt} seals it at capture to the tenant's public key, so
 * only the tenant's admins can read it, and indexes it for exact-match search. Card fields (card,
 * expiry, CVC) and PINs are always blocked: the validator refuses {@code encrypt} on them.
 */
public enum JournalMode {
  BLOCK,
  ENCRYPT;

  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

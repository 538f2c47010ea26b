package io.tabula.journal;

import io.tabula.journal.crypto.JournalPublicKey;
import io.tabula.journal.crypto.SearchKey;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * One tenant's journal settings, as the engine holds them: the tenant's public keys (the last is
 * the newest: new records are sealed to it; older ones stay listed so that nothing is lost while
 * admins rotate), the search key of the blind index, and how long records are kept.
 *
 * @param retention records older than this are deleted by the scheduled purge (default 13 months)
 */
public record TenantJournal(
    String tenant, List<JournalPublicKey> publicKeys, SearchKey searchKey, Period retention) {

  public static final Period DEFAULT_RETENTION = Period.ofMonths(13);

  public TenantJournal {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(searchKey, "searchKey");
    Objects.requireNonNull(retention, "retention");
    publicKeys = List.copyOf(publicKeys);
    if (publicKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "tenant '"
              + tenant
              + "' has a journal without a public key; add the line 'tabula journal keygen' wrote"
              + " to its journal.publicKeys");
    }
  }

  /** The key new records are sealed to. */
  public JournalPublicKey newestKey() {
    return publicKeys.getLast();
  }
}

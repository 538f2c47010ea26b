package io.tabula.journal.access;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One access to the call journal, for the trail: what was done, on which tenant and field, to which
 * records, and why. Never the value searched for: the record ids say which records, and a ticket or
 * account number is the caller's personal data.
 *
 * @param field the searchable field used ({@code ticket}, {@code account}), or {@code "-"}
 * @param records the ids of the records found, opened or erased
 * @param reason why, as the user gave it (required for a re-identification)
 */
public record JournalAccess(
    JournalAction action, String tenant, String field, List<UUID> records, String reason) {

  public JournalAccess {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(field, "field");
    records = List.copyOf(records);
    Objects.requireNonNull(reason, "reason");
  }
}

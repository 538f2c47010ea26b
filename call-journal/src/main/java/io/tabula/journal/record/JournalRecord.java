package io.tabula.journal.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the journal keeps of one call. Everything here is either not secret (steps, outcomes,
 * amounts, the card's last four and brand) or sealed to the tenant's public key ({@link
 * SealedField}); card numbers, expiry dates, CVCs and PINs never appear, in any form.
 *
 * @param id random, and bound into every sealed value of the record (its associated data)
 * @param callId the engine's random call id (the payment idempotency keys derive from it)
 * @param steps each step the call entered, in order
 * @param events menu choices, lookup and payment outcomes, errors, in order
 * @param payments each pay step's result
 * @param ending how the call left the flow: {@code hangup}, {@code transfer to <queue>}, {@code
 *     caller hung up}, ...
 * @param sealed values the flow marks {@code journal: encrypt}
 * @param indexes the blind index of each sealed keyed value, for exact-match search
 */
public record JournalRecord(
    UUID id,
    String tenant,
    String flow,
    int flowVersion,
    String callId,
    Instant start,
    Instant end,
    List<StepEntry> steps,
    List<EventEntry> events,
    List<PaymentEntry> payments,
    String ending,
    List<SealedField> sealed,
    List<IndexEntry> indexes) {

  public JournalRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    steps = List.copyOf(steps);
    events = List.copyOf(events);
    payments = List.copyOf(payments);
    sealed = List.copyOf(sealed);
    indexes = List.copyOf(indexes);
  }

  /** One step the call entered. */
  public record StepEntry(String step, String kind) {}

  /**
   * A menu choice ({@code menu}: the key), an outcome ({@code outcome}: found, not found, approved,
   * declined: ..., caller asked for an agent) or an error ({@code error}: the reason's type).
   */
  public record EventEntry(String step, String type, String detail) {}

  /**
   * A pay step's result: {@code approved} with the confirmation (the processor's auth code), its
   * reference, the card's brand and last four; {@code declined} with the reason; {@code failed}
   * (certainly not charged) or {@code unknown} (perhaps charged) with the cause.
   */
  public record PaymentEntry(
      String step,
      String amount,
      String currency,
      String result,
      String confirmation,
      String reference,
      String brand,
      String lastFour,
      String detail) {}

  /** The blind index of one searchable field. */
  public record IndexEntry(String field, byte[] digest) {
    public IndexEntry {
      digest = digest.clone();
    }

    @Override
    public byte[] digest() {
      return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof IndexEntry e
          && e.field.equals(field)
          && java.util.Arrays.equals(e.digest, digest);
    }

    @Override
    public int hashCode() {
      return field.hashCode();
    }

    @Override
    public String toString() {
      return "IndexEntry[" + field + "]";
    }
  }
}

package io.tabula.ops.console;

import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the journal page shows: the search form for the tenants the user may search, the counts and
 * journal trail for the tenants they audit, and a search's records with every sealed value masked
 * (the browser opens them, see {@code journal.js}).
 *
 * @param configured false when the console runs without a call journal
 * @param searchTenants tenants whose records the user may search
 * @param audits a tenant's record count and its journal trail, for auditors
 * @param result the records of a search, or null
 * @param problem what went wrong, for the user, or empty
 */
public record JournalView(
    boolean configured,
    List<String> searchTenants,
    List<TenantAudit> audits,
    Result result,
    String problem) {

  /** An auditor's view of one tenant: how many records, and who accessed which, when, why. */
  public record TenantAudit(String tenant, long records, List<TrailLine> trail) {}

  /** One journal access in the trail. */
  public record TrailLine(String at, String actor, String action, String target, String detail) {}

  /** A search's records. */
  public record Result(
      String searchId, String tenant, String field, List<RecordView> records, boolean reidentify) {}

  /** One record: its clear part as lines, and its sealed fields (masked). */
  public record RecordView(String id, String heading, List<Line> lines, List<Sealed> sealed) {}

  /** A label and its text. */
  public record Line(String label, String text) {}

  /** A sealed field: its name and the key it was sealed to; the value stays masked here. */
  public record Sealed(String field, String keyId) {}

  static RecordView of(JournalRecord record) {
    List<Line> lines = new ArrayList<>();
    lines.add(
        new Line(
            "Time",
            record.start()
                + " to "
                + record.end()
                + " ("
                + Duration.between(record.start(), record.end()).toSeconds()
                + " s)"));
    lines.add(
        new Line(
            "Steps",
            record.steps().stream()
                .map(JournalRecord.StepEntry::step)
                .collect(Collectors.joining(", "))));
    for (JournalRecord.EventEntry event : record.events()) {
      lines.add(new Line(label(event.type()), event.step() + ": " + event.detail()));
    }
    for (JournalRecord.PaymentEntry payment : record.payments()) {
      lines.add(
          new Line(
              "Payment",
              payment.step()
                  + ": "
                  + payment.result()
                  + ", "
                  + payment.currency()
                  + " "
                  + payment.amount()
                  + (payment.lastFour().isEmpty()
                      ? ""
                      : ", " + payment.brand() + " ending in " + payment.lastFour())));
    }
    lines.add(new Line("Ended", record.ending()));
    List<Sealed> sealed =
        record.sealed().stream()
            .map((SealedField f) -> new Sealed(f.field(), f.sealed().keyId()))
            .toList();
    return new RecordView(
        record.id().toString(),
        record.flow() + " v" + record.flowVersion() + ", call " + record.callId(),
        lines,
        sealed);
  }

  private static String label(String type) {
    return switch (type) {
      case "menu" -> "Menu";
      case "outcome" -> "Outcome";
      case "error" -> "Error";
      default -> type;
    };
  }
}

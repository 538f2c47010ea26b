package io.tabula.journal.cli;

import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a record: sealed values masked, or opened where {@code opened} has them. */
final class RecordPrinter {

  private RecordPrinter() {}

  static void print(PrintWriter out, JournalRecord record, Map<String, String> opened) {
    out.printf(
        "Record %s  %s/%s v%d  call %s%n",
        record.id(), record.tenant(), record.flow(), record.flowVersion(), record.callId());
    out.printf(
        "  time:     %s to %s (%d s)%n",
        record.start(), record.end(), Duration.between(record.start(), record.end()).toSeconds());
    out.println(
        "  steps:    "
            + record.steps().stream()
                .map(JournalRecord.StepEntry::step)
                .collect(Collectors.joining(", ")));
    record.events().stream()
        .filter(e -> e.type().equals("menu"))
        .forEach(e -> out.println("  menu:     " + e.step() + " -> " + e.detail()));
    record.events().stream()
        .filter(e -> e.type().equals("outcome"))
        .forEach(e -> out.println("  outcome:  " + e.step() + ": " + e.detail()));
    record.events().stream()
        .filter(e -> e.type().equals("error"))
        .forEach(e -> out.println("  error:    " + e.step() + ": " + e.detail()));
    for (JournalRecord.PaymentEntry p : record.payments()) {
      out.println("  payment:  " + payment(p));
    }
    out.println("  ended:    " + record.ending());
    for (SealedField field : record.sealed()) {
      String shown =
          opened.containsKey(field.field())
              ? opened.get(field.field())
              : "******** (sealed to " + field.sealed().keyId() + ")";
      out.printf("  %-9s %s%n", field.field() + ":", shown);
    }
  }

  private static String payment(JournalRecord.PaymentEntry p) {
    String head = p.step() + ": " + p.result() + ", " + p.currency() + " " + p.amount();
    return switch (p.result()) {
      case "approved" ->
          head
              + ", confirmation "
              + p.confirmation()
              + ", "
              + p.brand()
              + " ending in "
              + p.lastFour()
              + (p.reference().isEmpty() ? "" : ", reference " + p.reference());
      default -> head + (p.detail().isEmpty() ? "" : " (" + p.detail() + ")");
    };
  }
}

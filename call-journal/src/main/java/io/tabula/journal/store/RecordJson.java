package io.tabula.journal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabula.journal.record.JournalRecord;
import java.util.ArrayList;
import java.util.List;

/** The non-secret part of a record as the jsonb {@code body}, and back. */
final class RecordJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {}

  static String body(JournalRecord record) {
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode steps = body.putArray("steps");
    record.steps().forEach(s -> steps.addObject().put("step", s.step()).put("kind", s.kind()));
    ArrayNode events = body.putArray("events");
    record
        .events()
        .forEach(
            e ->
                events
                    .addObject()
                    .put("step", e.step())
                    .put("type", e.type())
                    .put("detail", e.detail()));
    ArrayNode payments = body.putArray("payments");
    record
        .payments()
        .forEach(
            p ->
                payments
                    .addObject()
                    .put("step", p.step())
                    .put("amount", p.amount())
                    .put("currency", p.currency())
                    .put("result", p.result())
                    .put("confirmation", p.confirmation())
                    .put("reference", p.reference())
                    .put("brand", p.brand())
                    .put("last_four", p.lastFour())
                    .put("detail", p.detail()));
    body.put("ending", record.ending());
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal record did not serialize", e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored journal record is not JSON; the table was altered");
    }
  }

  static List<JournalRecord.StepEntry> steps(JsonNode body) {
    List<JournalRecord.StepEntry> steps = new ArrayList<>();
    body.path("steps")
        .forEach(
            s ->
                steps.add(
                    new JournalRecord.StepEntry(s.path("step").asText(), s.path("kind").asText())));
    return steps;
  }

  static List<JournalRecord.EventEntry> events(JsonNode body) {
    List<JournalRecord.EventEntry> events = new ArrayList<>();
    body.path("events")
        .forEach(
            e ->
                events.add(
                    new JournalRecord.EventEntry(
                        e.path("step").asText(),
                        e.path("type").asText(),
                        e.path("detail").asText())));
    return events;
  }

  static List<JournalRecord.PaymentEntry> payments(JsonNode body) {
    List<JournalRecord.PaymentEntry> payments = new ArrayList<>();
    body.path("payments")
        .forEach(
            p ->
                payments.add(
                    new JournalRecord.PaymentEntry(
                        p.path("step").asText(),
                        p.path("amount").asText(),
                        p.path("currency").asText(),
                        p.path("result").asText(),
                        p.path("confirmation").asText(),
                        p.path("reference").asText(),
                        p.path("brand").asText(),
                        p.path("last_four").asText(),
                        p.path("detail").asText())));
    return payments;
  }
}

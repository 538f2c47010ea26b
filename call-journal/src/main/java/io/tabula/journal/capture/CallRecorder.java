package io.tabula.journal.capture;

import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.CallJournal;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.Sealed;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.JournalRecord.EventEntry;
import io.tabula.journal.record.JournalRecord.IndexEntry;
import io.tabula.journal.record.JournalRecord.PaymentEntry;
import io.tabula.journal.record.JournalRecord.StepEntry;
import io.tabula.journal.record.SealedField;
import io.tabula.masking.memory.SecretDigits;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The journal of one call, filled on the call's thread as the flow runs and handed to the {@link
 * JournalQueue} when the flow returns. A keyed value marked {@code journal: encrypt} is sealed the
 * moment the collect accepts it, read in place from the call's memory into a scratch array that is
 * zeroed right after sealing: no clear value waits here or in the queue.
 */
final class CallRecorder implements CallJournal {

  private final TenantJournal tenant;
  private final Flow flow;
  private final int version;
  private final String callId;
  private final UUID id = UUID.randomUUID();
  private final Clock clock;
  private final Instant start;
  private final JournalCapture capture;
  private final List<StepEntry> steps = new ArrayList<>();
  private final List<EventEntry> events = new ArrayList<>();
  private final List<PaymentEntry> payments = new ArrayList<>();
  private final List<SealedField> sealed = new ArrayList<>();
  private final List<IndexEntry> indexes = new ArrayList<>();
  private String ending = "";
  private boolean finished;

  CallRecorder(
      TenantJournal tenant,
      Flow flow,
      int version,
      CallInfo info,
      Clock clock,
      JournalCapture capture) {
    this.tenant = tenant;
    this.flow = flow;
    this.version = version;
    this.callId = info.callId().hex();
    this.clock = clock;
    this.start = clock.instant();
    this.capture = capture;
  }

  @Override
  public void stepStarted(String stepId, String kind) {
    steps.add(new StepEntry(stepId, kind));
  }

  @Override
  public void outcome(String stepId, String outcome) {
    events.add(new EventEntry(stepId, "outcome", outcome));
  }

  @Override
  public void error(String stepId, String why) {
    // The reason is an exception's class name or our own message, never call data.
    events.add(new EventEntry(stepId, "error", why));
  }

  @Override
  public void ended(String how) {
    ending = how;
  }

  @Override
  public void menuChoice(String stepId, char key) {
    events.add(new EventEntry(stepId, "menu", String.valueOf(key)));
  }

  @Override
  public void keyed(String stepId, SecretField field) {
    capture.guard(
        "keyed",
        () -> {
          String name = field.name();
          byte[] aad = SealedField.associatedData(tenant.tenant(), id, name);
          field.read(
              digits -> {
                sealed.add(new SealedField(stepId, name, "keyed", seal(digits, aad)));
                indexes.add(
                    new IndexEntry(
                        name, BlindIndex.of(tenant.searchKey(), tenant.tenant(), name, digits)));
                return null;
              });
        });
  }

  private Sealed seal(SecretDigits digits, byte[] aad) {
    byte[] scratch = new byte[digits.length()];
    try {
      for (int i = 0; i < scratch.length; i++) {
        scratch[i] = digits.digitAt(i);
      }
      return JournalCipher.seal(tenant.newestKey(), aad, scratch);
    } finally {
      Arrays.fill(scratch, (byte) 0);
    }
  }

  @Override
  public void lookupOutput(String stepId, String name, Value value) {
    capture.guard(
        "lookup output",
        () -> {
          byte[] clear = value.toString().getBytes(StandardCharsets.UTF_8);
          try {
            byte[] aad = SealedField.associatedData(tenant.tenant(), id, name);
            sealed.add(
                new SealedField(
                    stepId, name, "lookup", JournalCipher.seal(tenant.newestKey(), aad, clear)));
          } finally {
            Arrays.fill(clear, (byte) 0);
          }
        });
  }

  @Override
  public void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {
    String value = amount.amount().toPlainString();
    String currency = amount.currency().getCurrencyCode();
    payments.add(
        switch (outcome) {
          case PaymentOutcome.Approved a ->
              new PaymentEntry(
                  stepId,
                  value,
                  currency,
                  "approved",
                  a.authCode(),
                  a.reference(),
                  a.brand(),
                  a.lastFour(),
                  "");
          case PaymentOutcome.Declined d ->
              new PaymentEntry(
                  stepId, value, currency, "declined", "", "", "", "", d.reason().spelling());
          case PaymentOutcome.Failed f ->
              new PaymentEntry(stepId, value, currency, "failed", "", "", "", "", f.cause());
          case PaymentOutcome.Unknown u ->
              new PaymentEntry(stepId, value, currency, "unknown", "", "", "", "", u.cause());
        });
  }

  @Override
  public void finished() {
    if (finished) {
      return;
    }
    finished = true;
    capture.guard(
        "finish",
        () ->
            capture.submit(
                new JournalRecord(
                    id,
                    tenant.tenant(),
                    flow.name(),
                    version,
                    callId,
                    start,
                    clock.instant(),
                    steps,
                    events,
                    payments,
                    ending,
                    sealed,
                    indexes)));
  }
}

package io.tabula.flows.run;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.IdempotencyKey;
import io.tabula.flows.connect.LookupInput;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.PaymentRequest;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Ref;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.TypedName;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallInfo;
import io.tabula.masking.memory.SecretField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@code lookup} and {@code pay} steps against the connectors, each within its timeout. */
final class ConnectorSteps {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ConnectorSteps.class);

  /** Its own logger name, so operations can route unknown payments to an alert or a ticket. */
  private static final org.slf4j.Logger RECONCILE =
      org.slf4j.LoggerFactory.getLogger("io.tabula.payments.reconcile");

  private final Connectors connectors;
  private final CallInfo info;
  private final CallValues values;
  private final CallJournal events;
  private final Map<String, Integer> payAttempts = new HashMap<>();

  ConnectorSteps(Connectors connectors, CallInfo info, CallValues values, CallJournal events) {
    this.connectors = connectors;
    this.info = info;
    this.values = values;
    this.events = events;
  }

  String lookup(Step.Lookup step) {
    var connector =
        connectors
            .lookup(step.connector())
            .orElseThrow(() -> new FlowFailure("no lookup connector '" + step.connector() + "'"));
    Map<String, LookupInput> inputs = new LinkedHashMap<>();
    step.inputs().forEach((name, ref) -> inputs.put(name, input(ref)));
    LookupRequest request = new LookupRequest(info.tenant(), step.name(), info.uniqueId(), inputs);
    LookupResult result =
        Bounded.call(() -> guardedLookup(connector, request), step.timeout())
            .orElse(new LookupResult.Failed(LookupResult.FailureKind.TIMEOUT, true));
    return switch (result) {
      case LookupResult.Found found -> found(step, found);
      case LookupResult.NotFound notFound -> {
        events.outcome(step.id(), "not found");
        yield step.onNotFound().step();
      }
      case LookupResult.Failed failed -> {
        events.outcome(
            step.id(), "failed: " + failed.kind().name().toLowerCase(java.util.Locale.ROOT));
        yield step.onError().step();
      }
    };
  }

  private String found(Step.Lookup step, LookupResult.Found found) {
    for (TypedName output : step.outputs().values()) {
      Value value = found.values().get(output.name());
      if (value == null || value.type() != output.type()) {
        events.outcome(
            step.id(),
            "failed: output '" + output.name() + "' missing or not " + output.type().spelling());
        return step.onError().step();
      }
    }
    step.outputs().keySet().forEach(name -> values.put(name, found.values().get(name)));
    events.outcome(step.id(), "found");
    step.journal()
        .forEach(
            (name, mode) -> {
              if (mode == io.tabula.flows.model.JournalMode.ENCRYPT) {
                events.lookupOutput(step.id(), name, found.values().get(name));
              }
            });
    return step.onFound().step();
  }

  private LookupInput input(Ref ref) {
    if (values.isField(ref.name()) && ref.attribute().isEmpty()) {
      return new LookupInput.Secret(values.field(ref));
    }
    return new LookupInput.Plain(values.resolve(ref));
  }

  String pay(Step.Pay step) {
    var connector =
        connectors
            .payment(step.connector())
            .orElseThrow(() -> new FlowFailure("no payment connector '" + step.connector() + "'"));
    SecretField pan = values.field(step.card());
    SecretField expiry = values.field(step.expiry());
    SecretField cvc = values.field(step.cvc());
    PaymentRequest request;
    PaymentOutcome outcome;
    try {
      if (!(values.resolve(step.amount()) instanceof Value.Money amount)) {
        throw new FlowFailure("the amount of step '" + step.id() + "' is not money");
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      step.metadata().forEach((name, ref) -> metadata.put(name, values.resolve(ref).toString()));
      int attempt = payAttempts.merge(step.id(), 1, Integer::sum);
      request =
          new PaymentRequest(
              info.tenant(),
              amount,
              pan,
              expiry,
              cvc,
              IdempotencyKey.of(info.callId(), step.id(), attempt),
              metadata);
      outcome = charge(connector, request, step);
    } finally {
      // The card data has done its job, and charge() returns only once the connector's thread has
      // ended: nothing can read these fields any more. Zero them now, not at hangup.
      pan.clear();
      expiry.clear();
      cvc.clear();
    }
    return outcome(step, request, outcome);
  }

  /**
   * One attempt, waited for to its end: the connector resends with the same key on its own, and a
   * second attempt while the first may still be in flight could charge twice. When the call ends
   * meanwhile, the outcome is still recorded before the call's end is passed on.
   */
  private PaymentOutcome charge(
      io.tabula.flows.connect.PaymentConnector connector, PaymentRequest request, Step.Pay step) {
    Bounded.Ended<PaymentOutcome> ended =
        Bounded.callToEnd(
            () -> guardedCharge(connector, request),
            step.timeout(),
            () ->
                LOG.warn(
                    "Payment connector {} is still running at the end of step '{}' ({}); waiting"
                        + " for it to end before the card fields are zeroed",
                    connector.name(),
                    step.id(),
                    step.timeout()));
    PaymentOutcome outcome =
        ended
            .answer()
            .orElseGet(() -> new PaymentOutcome.Unknown("connector ended without answer"));
    if (ended.interrupted()) {
      callEnded(step, request, outcome);
    }
    return outcome;
  }

  /**
   * A connector that throws instead of answering Failed: logged by class only, never its message.
   */
  private static LookupResult guardedLookup(
      io.tabula.flows.connect.LookupConnector connector, LookupRequest request) {
    try {
      return connector.lookup(request);
    } catch (RuntimeException e) {
      LOG.warn("Lookup connector {} threw {}", connector.name(), e.getClass().getSimpleName());
      return new LookupResult.Failed(LookupResult.FailureKind.INTERNAL, false);
    }
  }

  /** The call ended while the charge ran: record the outcome, then pass the end on. */
  private void callEnded(Step.Pay step, PaymentRequest request, PaymentOutcome outcome) {
    record(step, request, outcome);
    if (outcome instanceof PaymentOutcome.Approved) {
      // Charged, but the caller never heard the confirmation: someone has to tell them.
      RECONCILE.warn(
          "Payment approved but the call ended before the caller heard it: tenant={} flow={}"
              + " step={} call_id={} idempotency_key={} reference={}",
          info.tenant(),
          info.flow(),
          step.id(),
          info.callId(),
          request.key(),
          request.reference());
    }
    throw new CallEndedException(CallEndedException.Reason.ENGINE_SHUTDOWN);
  }

  /** A charge that threw may have reached the processor: its outcome is unknown. */
  private static PaymentOutcome guardedCharge(
      io.tabula.flows.connect.PaymentConnector connector, PaymentRequest request) {
    try {
      return java.util.Objects.requireNonNull(connector.charge(request), "outcome");
    } catch (RuntimeException e) {
      LOG.warn("Payment connector {} threw {}", connector.name(), e.getClass().getSimpleName());
      return new PaymentOutcome.Unknown("connector threw " + e.getClass().getSimpleName());
    }
  }

  private String outcome(Step.Pay step, PaymentRequest request, PaymentOutcome outcome) {
    record(step, request, outcome);
    return switch (outcome) {
      case PaymentOutcome.Approved a -> {
        values.put("payment.auth_code", new Value.Text(a.authCode(), true));
        values.put("payment.reference", new Value.Text(a.reference()));
        values.put("payment.brand", new Value.Text(a.brand()));
        values.put("payment.last_four", new Value.Text(a.lastFour(), true));
        yield step.onApproved().step();
      }
      case PaymentOutcome.Declined d -> {
        values.put("payment.decline_reason", new Value.Text(d.reason().spelling()));
        yield step.onDeclined().step();
      }
      case PaymentOutcome.Failed f -> step.onError().step();
      case PaymentOutcome.Unknown u -> {
        values.put("payment.check_code", new Value.Text(request.key().checkCode(), true));
        yield step.onUnknown().step();
      }
    };
  }

  /**
   * The outcome as an event, and an unknown one as the reconciliation line operations work from:
   * what to look up at the processor (the idempotency key, the reference), for which tenant, and
   * the code the caller was given. Never card data: the request's card fields are not touched.
   */
  private void record(Step.Pay step, PaymentRequest request, PaymentOutcome outcome) {
    events.payment(step.id(), request.amount(), outcome);
    switch (outcome) {
      case PaymentOutcome.Approved a -> events.outcome(step.id(), "approved");
      case PaymentOutcome.Declined d ->
          events.outcome(step.id(), "declined: " + d.reason().spelling());
      case PaymentOutcome.Failed f -> {
        events.outcome(step.id(), "failed, not charged: " + f.cause());
        LOG.info(
            "Payment not charged ({}): tenant={} flow={} step={} key={}",
            f.cause(),
            info.tenant(),
            info.flow(),
            step.id(),
            request.key());
      }
      case PaymentOutcome.Unknown u -> {
        events.outcome(step.id(), "unknown: " + u.cause());
        RECONCILE.warn(
            "Payment outcome unknown ({}); reconcile at the processor: tenant={} flow={} step={}"
                + " call_id={} idempotency_key={} reference={} check_code={}",
            u.cause(),
            info.tenant(),
            info.flow(),
            step.id(),
            info.callId(),
            request.key(),
            request.reference(),
            request.key().checkCode());
      }
    }
  }
}

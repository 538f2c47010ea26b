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
import io.tabula.flows.port.CallInfo;
import io.tabula.masking.memory.SecretField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@code lookup} and {@code pay} steps against the connectors, each within its timeout. */
final class ConnectorSteps {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ConnectorSteps.class);

  private final Connectors connectors;
  private final CallInfo info;
  private final CallValues values;
  private final FlowEvents events;
  private final Map<String, Integer> payAttempts = new HashMap<>();

  ConnectorSteps(Connectors connectors, CallInfo info, CallValues values, FlowEvents events) {
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
    PaymentOutcome outcome;
    try {
      if (!(values.resolve(step.amount()) instanceof Value.Money amount)) {
        throw new FlowFailure("the amount of step '" + step.id() + "' is not money");
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      step.metadata().forEach((name, ref) -> metadata.put(name, values.resolve(ref).toString()));
      int attempt = payAttempts.merge(step.id(), 1, Integer::sum);
      PaymentRequest request =
          new PaymentRequest(
              info.tenant(),
              amount,
              pan,
              expiry,
              cvc,
              IdempotencyKey.of(info.uniqueId(), step.id(), attempt),
              metadata);
      outcome = charge(connector, request, step);
    } finally {
      // The card data has done its job: zero it now, not at hangup.
      pan.clear();
      expiry.clear();
      cvc.clear();
    }
    return outcome(step, outcome);
  }

  /** One retry with the same idempotency key when the processor says that is safe. */
  private static PaymentOutcome charge(
      io.tabula.flows.connect.PaymentConnector connector, PaymentRequest request, Step.Pay step) {
    PaymentOutcome first =
        Bounded.call(() -> guardedCharge(connector, request), step.timeout())
            .orElse(new PaymentOutcome.Failed(true));
    if (first instanceof PaymentOutcome.Failed(boolean retryable) && retryable) {
      return Bounded.call(() -> guardedCharge(connector, request), step.timeout())
          .orElse(new PaymentOutcome.Failed(false));
    }
    return first;
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

  /** A charge that threw has an unknown result: not retried here; the flow's error path runs. */
  private static PaymentOutcome guardedCharge(
      io.tabula.flows.connect.PaymentConnector connector, PaymentRequest request) {
    try {
      return connector.charge(request);
    } catch (RuntimeException e) {
      LOG.warn("Payment connector {} threw {}", connector.name(), e.getClass().getSimpleName());
      return new PaymentOutcome.Failed(false);
    }
  }

  private String outcome(Step.Pay step, PaymentOutcome outcome) {
    return switch (outcome) {
      case PaymentOutcome.Approved a -> {
        values.put("payment.auth_code", new Value.Text(a.authCode(), true));
        values.put("payment.reference", new Value.Text(a.reference()));
        values.put("payment.brand", new Value.Text(a.brand()));
        values.put("payment.last_four", new Value.Text(a.lastFour(), true));
        events.outcome(step.id(), "approved");
        yield step.onApproved().step();
      }
      case PaymentOutcome.Declined d -> {
        values.put("payment.decline_reason", new Value.Text(d.reason().spelling()));
        events.outcome(step.id(), "declined: " + d.reason().spelling());
        yield step.onDeclined().step();
      }
      case PaymentOutcome.Failed f -> {
        events.outcome(step.id(), "failed");
        yield step.onError().step();
      }
    };
  }
}

package io.tabula.engine.tenant;

import io.tabula.connectors.payment.CardFields;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.IdempotencyKey;
import io.tabula.connectors.payment.PaymentMetadata;
import io.tabula.flows.connect.DeclineReason;
import io.tabula.flows.connect.PaymentConnector;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.PaymentRequest;

/**
 * Charges a flow's {@code pay} step through a tenant's payment gateway (Stripe-compatible, generic
 * JSON, or any connector found by name). Card checks, safe resends with the same idempotency key
 * and the zeroing of the card fields happen in {@link CardPayments}.
 *
 * <pre>{@code
 * PaymentConnector cityPay = new GatewayPaymentConnector("city-pay", "city", payments);
 * }</pre>
 *
 * <p>A connector charges with one tenant's merchant account: a call of another tenant whose flow
 * names it is refused ({@link PaymentOutcome.Failed}, nothing sent, card fields zeroed).
 */
public final class GatewayPaymentConnector implements PaymentConnector {

  private final ConnectorOwner owner;
  private final CardPayments payments;

  public GatewayPaymentConnector(String name, String tenant, CardPayments payments) {
    this.owner = new ConnectorOwner("payment", name, tenant);
    this.payments = payments;
  }

  /** The tenant whose merchant account this connector charges. */
  public String tenant() {
    return owner.tenant();
  }

  @Override
  public String name() {
    return owner.connector();
  }

  @Override
  public PaymentOutcome charge(PaymentRequest request) {
    if (owner.refuses(request.tenant())) {
      new CardFields(request.pan(), request.expiry(), request.cvc()).clear();
      return new PaymentOutcome.Failed(false);
    }
    ChargeRequest charge =
        new ChargeRequest(
            request.amount().amount(),
            request.amount().currency(),
            new CardFields(request.pan(), request.expiry(), request.cvc()),
            idempotencyKey(request),
            new PaymentMetadata(
                owner.tenant(),
                request.metadata().getOrDefault("flow", owner.connector()),
                reference(request)));
    return outcome(payments.pay(charge));
  }

  /**
   * The flow's key names the call, the step and the attempt; the gateway's key format is stricter
   * (no dots), so it is a hash of the flow's key: the same flow attempt always sends the same key.
   */
  static IdempotencyKey idempotencyKey(PaymentRequest request) {
    return IdempotencyKey.forAttempt(request.key().value(), 1);
  }

  private static String reference(PaymentRequest request) {
    String reference = request.metadata().get("reference");
    if (reference != null && !reference.isEmpty()) {
      return reference;
    }
    return request.metadata().values().stream()
        .filter(value -> !value.isEmpty())
        .findFirst()
        .orElse(request.key().value());
  }

  /**
   * CardPayments has already resent with the same key where that was safe, and has zeroed the card:
   * a failure that reaches the flow is final for this attempt.
   */
  static PaymentOutcome outcome(io.tabula.connectors.payment.PaymentOutcome outcome) {
    return switch (outcome) {
      case io.tabula.connectors.payment.PaymentOutcome.Approved approved ->
          new PaymentOutcome.Approved(
              approved.authorizationCode(),
              approved.gatewayReference(),
              approved.brand().displayName(),
              approved.lastFour());
      case io.tabula.connectors.payment.PaymentOutcome.Declined declined ->
          new PaymentOutcome.Declined(reason(declined.reason()));
      case io.tabula.connectors.payment.PaymentOutcome.Rejected rejected ->
          new PaymentOutcome.Declined(DeclineReason.GENERIC);
      case io.tabula.connectors.payment.PaymentOutcome.Failed failed ->
          new PaymentOutcome.Failed(false);
    };
  }

  private static DeclineReason reason(io.tabula.connectors.payment.DeclineReason reason) {
    return switch (reason) {
      case INSUFFICIENT_FUNDS -> DeclineReason.INSUFFICIENT_FUNDS;
      case EXPIRED_CARD -> DeclineReason.EXPIRED_CARD;
      case INCORRECT_CVC -> DeclineReason.WRONG_CVC;
      case DO_NOT_HONOUR -> DeclineReason.DO_NOT_HONOUR;
      case GENERIC -> DeclineReason.GENERIC;
    };
  }
}

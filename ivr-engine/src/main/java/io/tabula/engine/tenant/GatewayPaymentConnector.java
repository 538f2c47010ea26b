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
import java.time.Duration;

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
 *
 * <p>The flow's idempotency key goes to the processor as it is, so the key in the engine's
 * reconciliation log line is the one operations look up at the processor (Stripe shows it with
 * {@code :pm} and {@code :pi} for the two requests).
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
      return new PaymentOutcome.Failed("connector of another tenant");
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
                request.reference()));
    return outcome(payments.pay(charge));
  }

  /** CardPayments' budget: every send at the gateway's limit, and the pauses between them. */
  @Override
  public Duration sendBudget() {
    return payments.sendBudget();
  }

  /**
   * The flow's key ({@code tbl_} and 40 hex digits, from the engine's random call id, the step and
   * the attempt) as the gateway's key: the same value, so logs and processor agree.
   */
  static IdempotencyKey idempotencyKey(PaymentRequest request) {
    return new IdempotencyKey(request.key().value());
  }

  /**
   * CardPayments has already resent with the same key where that was safe, and has zeroed the card.
   * What reaches the flow is three-valued as to money: approved; declined, rejected or failed (not
   * charged); unknown (may have been charged).
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
      // CardPayments never returns a failure that may have charged; if one came anyway, it is not
      // told as "not charged".
      case io.tabula.connectors.payment.PaymentOutcome.Failed failed ->
          failed.kind().mayHaveCharged()
              ? new PaymentOutcome.Unknown(cause(failed))
              : new PaymentOutcome.Failed(cause(failed));
      case io.tabula.connectors.payment.PaymentOutcome.Unknown unknown ->
          new PaymentOutcome.Unknown(unknown.cause());
    };
  }

  private static String cause(io.tabula.connectors.payment.PaymentOutcome.Failed failed) {
    return failed.kind().name().toLowerCase(java.util.Locale.ROOT);
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

package io.tabula.flows.connect;

import io.tabula.masking.card.CardExpiry;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A card processor in memory, for the simulator, tests and demos. It answers by test card number
 * (the numbers card processors publish for testing), honours idempotency keys like a real processor
 * (a repeated key returns the first outcome and moves no money), and records charges without card
 * data.
 *
 * <table>
 *   <caption>Test cards</caption>
 *   <tr><td>4242 4242 4242 4242, 5555 5555 5555 4444, 3782 822463 10005</td><td>approved</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>declined: insufficient funds</td></tr>
 *   <tr><td>4000 0000 0000 0069</td><td>declined: expired card</td></tr>
 *   <tr><td>4000 0000 0000 0127</td><td>declined: wrong CVC</td></tr>
 *   <tr><td>4000 0000 0000 0044</td><td>declined: do not honour</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined: generic</td></tr>
 *   <tr><td>4000 0000 0000 0119</td><td>failed, not charged (a processing error)</td></tr>
 *   <tr><td>4000 0000 0000 3220</td><td>unknown: the processor wants 3-D Secure
 *   ({@code requires_action}), which a phone call cannot complete</td></tr>
 * </table>
 */
public final class InMemoryPaymentConnector implements PaymentConnector {

  /** A charge as the processor saw it: no card data but brand and last four. */
  public record Charge(
      IdempotencyKey key, Value.Money amount, String lastFour, PaymentOutcome outcome) {}

  private static final Map<String, PaymentOutcome> DECLINES =
      Map.of(
          "4000000000009995", new PaymentOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS),
          "4000000000000069", new PaymentOutcome.Declined(DeclineReason.EXPIRED_CARD),
          "4000000000000127", new PaymentOutcome.Declined(DeclineReason.WRONG_CVC),
          "4000000000000044", new PaymentOutcome.Declined(DeclineReason.DO_NOT_HONOUR),
          "4000000000000002", new PaymentOutcome.Declined(DeclineReason.GENERIC),
          "4000000000000119", new PaymentOutcome.Failed("processing error"),
          "4000000000003220", new PaymentOutcome.Unknown("requires_action"));

  private final String name;
  private final YearMonth now;
  private final Map<IdempotencyKey, PaymentOutcome> byKey = new LinkedHashMap<>();
  private final List<Charge> charges = new ArrayList<>();
  private int nextReference = 1;

  public InMemoryPaymentConnector(String name, YearMonth now) {
    this.name = name;
    this.now = now;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized PaymentOutcome charge(PaymentRequest request) {
    PaymentOutcome earlier = byKey.get(request.key());
    if (earlier != null) {
      return earlier;
    }
    PaymentOutcome outcome = decide(request);
    byKey.put(request.key(), outcome);
    String lastFour = request.pan().length() >= 8 ? request.pan().lastFour() : "";
    charges.add(new Charge(request.key(), request.amount(), lastFour, outcome));
    return outcome;
  }

  /** Every distinct charge attempt, in order; a repeated idempotency key adds nothing. */
  public synchronized List<Charge> charges() {
    return List.copyOf(charges);
  }

  private PaymentOutcome decide(PaymentRequest request) {
    for (Map.Entry<String, PaymentOutcome> decline : DECLINES.entrySet()) {
      if (InMemoryLookupConnector.sameDigits(request.pan(), decline.getKey())) {
        return decline.getValue();
      }
    }
    if (!request.pan().luhnValid()) {
      return new PaymentOutcome.Declined(DeclineReason.GENERIC);
    }
    if (request.expiry().read(mmyy -> CardExpiry.check(mmyy, now)) != CardExpiry.Verdict.VALID) {
      return new PaymentOutcome.Declined(DeclineReason.EXPIRED_CARD);
    }
    if (request.cvc().length() != request.pan().brand().cvcLength()) {
      return new PaymentOutcome.Declined(DeclineReason.WRONG_CVC);
    }
    String reference = String.format(java.util.Locale.ROOT, "ch_%06d", nextReference++);
    String authCode = String.format(java.util.Locale.ROOT, "%06d", 482_000 + nextReference);
    return new PaymentOutcome.Approved(
        authCode, reference, request.pan().brand().displayName(), request.pan().lastFour());
  }
}

package io.tabula.connectors.payment;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a flow's {@code pay} step calls: it validates the card, sends the charge through the
 * tenant's gateway, resends with the same idempotency key while the outcome is unknown, and zeroes
 * the card fields as soon as an outcome is known.
 *
 * <p>The fields are kept only when the card was rejected before sending, so the flow can re-prompt
 * the one wrong part; the flow clears them itself when it gives up.
 *
 * <pre>{@code
 * CardPayments payments = new CardPayments(gateway, validator, RetryPolicy.defaults());
 * PaymentOutcome outcome = payments.pay(request); // card fields are zero afterwards
 * }</pre>
 */
public final class CardPayments {

  private static final Logger LOG = LoggerFactory.getLogger(CardPayments.class);

  private final PaymentGateway gateway;
  private final CardValidator validator;
  private final RetryPolicy retry;

  public CardPayments(PaymentGateway gateway, CardValidator validator, RetryPolicy retry) {
    this.gateway = gateway;
    this.validator = validator;
    this.retry = retry;
  }

  /** Validates, charges (resending only where safe) and clears the card. */
  public PaymentOutcome pay(ChargeRequest request) {
    Optional<CardProblem> problem = validator.check(request.card());
    if (problem.isPresent()) {
      return new PaymentOutcome.Rejected(problem.get());
    }
    try {
      return sendWithRetries(request);
    } finally {
      request.card().clear();
    }
  }

  private PaymentOutcome sendWithRetries(ChargeRequest request) {
    PaymentOutcome outcome = gateway.charge(request);
    for (int send = 2; send <= retry.maxSends() && resendable(outcome); send++) {
      LOG.info(
          "Payment {} for {}/{} failed ({}); resending with the same key, send {} of {}",
          request.idempotencyKey(),
          request.metadata().tenant(),
          request.metadata().flow(),
          ((PaymentOutcome.Failed) outcome).kind(),
          send,
          retry.maxSends());
      if (!pause(retry.pauseBefore(send))) {
        break;
      }
      outcome = gateway.charge(request);
    }
    return outcome;
  }

  private static boolean resendable(PaymentOutcome outcome) {
    return outcome instanceof PaymentOutcome.Failed failed
        && failed.retry() == PaymentOutcome.Retry.SAME_KEY;
  }

  /** A production backoff between resends; false when the thread was interrupted (call gone). */
  private static boolean pause(Duration pause) {
    if (pause.isZero()) {
      return true;
    }
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

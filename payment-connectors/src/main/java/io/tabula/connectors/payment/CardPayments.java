package io.tabula.connectors.payment;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a flow's {@code pay} step calls: it validates the card, sends the charge through the
 * tenant's gateway, resends with the same idempotency key while the outcome is unknown, and zeroes
 * the card fields as soon as an outcome is known. What it returns is three-valued as to money:
 * approved; declined, rejected or failed (certainly not charged); or {@link PaymentOutcome.Unknown}
 * when any send may have charged and no final answer came.
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

  /**
   * The longest {@link #pay} can take: every send at the gateway's own limit, and the pauses. A pay
   * step must wait at least this long, or it would give up on a charge that is still running.
   */
  public Duration sendBudget() {
    Duration budget = gateway.chargeBudget().multipliedBy(retry.maxSends());
    for (int send = 2; send <= retry.maxSends(); send++) {
      budget = budget.plus(retry.pauseBefore(send));
    }
    return budget;
  }

  private PaymentOutcome sendWithRetries(ChargeRequest request) {
    PaymentOutcome outcome = gateway.charge(request);
    boolean mayHaveCharged = mayHaveCharged(outcome);
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
      mayHaveCharged |= mayHaveCharged(outcome);
    }
    if (outcome instanceof PaymentOutcome.Failed failed && mayHaveCharged) {
      // A later send's "nothing done" does not undo an earlier send the processor may have run.
      return new PaymentOutcome.Unknown(
          failed.kind().name().toLowerCase(java.util.Locale.ROOT), Optional.empty());
    }
    return outcome;
  }

  private static boolean mayHaveCharged(PaymentOutcome outcome) {
    return outcome instanceof PaymentOutcome.Failed failed && failed.kind().mayHaveCharged();
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

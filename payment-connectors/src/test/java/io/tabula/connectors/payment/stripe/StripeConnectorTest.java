package io.tabula.connectors.payment.stripe;

import static io.tabula.connectors.payment.SimulatorFixture.charge;
import static io.tabula.connectors.payment.SimulatorFixture.newCallId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.payment.CardFields;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.DeclineReason;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SimulatorFixture;
import io.tabula.connectors.payment.TestCards;
import io.tabula.connectors.simulator.LedgerEntry;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.memory.CallMemory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StripeConnectorTest {

  @TempDir static Path directory;
  static SimulatorFixture fixture;
  static PaymentGateway gateway;
  static CardPayments payments;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture(directory);
    gateway = PaymentGateways.open(fixture.stripeConfig());
    payments =
        new CardPayments(
            gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(3));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    fixture.close();
  }

  @Test
  void approvedCardGivesAuthorizationReferenceTokenBrandAndLastFour() {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
      PaymentOutcome.Approved approved = (PaymentOutcome.Approved) outcome;
      assertThat(approved.authorizationCode()).matches("[0-9]{6}");
      assertThat(approved.gatewayReference()).startsWith("pi_");
      assertThat(approved.token()).hasValueSatisfying(t -> assertThat(t).startsWith("pm_"));
      assertThat(approved.brand()).isEqualTo(CardBrand.VISA);
      assertThat(approved.lastFour()).isEqualTo("4242");
      LedgerEntry entry = fixture.simulator.ledger().chargesFor("T-" + callId).getFirst();
      assertThat(entry.paymentIntent()).isEqualTo(approved.gatewayReference());
      assertThat(entry.amountMinor()).isEqualTo(4250);
      assertThat(entry.currency()).isEqualTo("eur");
      assertThat(entry.metadata()).containsEntry("tenant", "springfield");
    }
  }

  static Stream<Arguments> declines() {
    return Stream.of(
        Arguments.of(TestCards.GENERIC_DECLINE, DeclineReason.GENERIC),
        Arguments.of(TestCards.INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS),
        Arguments.of("4000000000000036", DeclineReason.DO_NOT_HONOUR),
        Arguments.of(TestCards.EXPIRED_CARD, DeclineReason.EXPIRED_CARD),
        Arguments.of(TestCards.INCORRECT_CVC, DeclineReason.INCORRECT_CVC));
  }

  @ParameterizedTest
  @MethodSource("declines")
  void stripeTestCardsDeclineWithTheirDocumentedReason(String pan, DeclineReason reason) {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome outcome = payments.pay(charge(TestCards.key(call, pan), callId, 1));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              PaymentOutcome.Declined.class, d -> assertThat(d.reason()).isEqualTo(reason));
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).isEmpty();
    }
  }

  @Test
  void aPaymentStillProcessingIsUnknownWithItsReferenceNotADecline() {
    fixture.simulator.faults().inject(io.tabula.connectors.simulator.Fault.PROCESSING);
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      var charges = fixture.simulator.ledger().chargesFor("T-" + callId);
      assertThat(charges).hasSize(1);
      assertThat(outcome)
          .isEqualTo(
              new PaymentOutcome.Unknown(
                  "processing", java.util.Optional.of(charges.getFirst().paymentIntent())));
    }
  }

  @Test
  void aCardThatRequiresThreeDSecureIsUnknownNotADecline() {
    try (CallMemory call = fixture.newCall()) {
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.REQUIRES_ACTION), newCallId(), 1));

      assertThat(outcome).isInstanceOf(PaymentOutcome.Unknown.class);
      assertThat(((PaymentOutcome.Unknown) outcome).cause()).isEqualTo("requires_action");
    }
  }

  @Test
  void processingErrorIsFailedAndAsksForANewAttemptNotAResendOfTheSameKey() {
    try (CallMemory call = fixture.newCall()) {
      long before = fixture.simulator.ledger().requests();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.PROCESSING_ERROR), newCallId(), 1));

      assertThat(outcome)
          .isEqualTo(new PaymentOutcome.Failed(FailureKind.PROCESSING_ERROR, Retry.NEW_ATTEMPT));
      // one payment method and one confirmation: CardPayments did not resend
      assertThat(fixture.simulator.ledger().requests() - before).isEqualTo(2);
    }
  }

  @Test
  void cardFieldsAreZeroAsSoonAsTheOutcomeIsKnown() {
    try (CallMemory call = fixture.newCall()) {
      CardFields card = TestCards.key(call, TestCards.VISA_APPROVED);
      payments.pay(charge(card, newCallId(), 1));

      assertThat(card.pan().isEmpty()).isTrue();
      assertThat(card.expiry().isEmpty()).isTrue();
      assertThat(card.cvc().isEmpty()).isTrue();
      assertThat(fixture.pool.slotIsZero(call.slot())).isTrue();
    }
  }

  @Test
  void declineThenAnotherCardOnTheNextAttemptChargesOnce() {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome first =
          payments.pay(charge(TestCards.key(call, TestCards.INSUFFICIENT_FUNDS), callId, 1));
      PaymentOutcome second =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 2));

      assertThat(first).isInstanceOf(PaymentOutcome.Declined.class);
      assertThat(second).isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
      assertThat(
              fixture.simulator.ledger().entries().stream()
                  .filter(e -> ("T-" + callId).equals(e.metadata().get("reference"))))
          .extracting(LedgerEntry::charged)
          .containsExactly(false, true);
    }
  }

  @Test
  void sameKeyAndSameRequestGetTheFirstAnswerWithoutASecondCharge() {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      ChargeRequest request = charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1);
      PaymentOutcome first = gateway.charge(request);
      PaymentOutcome again = gateway.charge(request);

      assertThat(again).isEqualTo(first).isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
    }
  }

  @Test
  void sameKeyWithAnotherAmountIsAnIdempotencyConflictAndChargesNothingMore() {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      ChargeRequest request = charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1);
      gateway.charge(request);
      ChargeRequest changed =
          new ChargeRequest(
              new BigDecimal("99.00"),
              request.currency(),
              request.card(),
              request.idempotencyKey(),
              request.metadata());

      assertThat(gateway.charge(changed))
          .isEqualTo(new PaymentOutcome.Failed(FailureKind.IDEMPOTENCY_CONFLICT, Retry.NO));
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
    }
  }

  @Test
  void aCardThatFailsValidationIsNeverSent() {
    try (CallMemory call = fixture.newCall()) {
      long before = fixture.simulator.ledger().requests();
      CardFields card = TestCards.key(call, "4242424242424241");

      assertThat(payments.pay(charge(card, newCallId(), 1)))
          .isEqualTo(
              new PaymentOutcome.Rejected(
                  io.tabula.connectors.payment.CardProblem.PAN_CHECK_DIGIT));
      assertThat(fixture.simulator.ledger().requests()).isEqualTo(before);
      assertThat(card.pan().length()).as("kept so the flow can re-prompt").isEqualTo(16);
    }
  }
}

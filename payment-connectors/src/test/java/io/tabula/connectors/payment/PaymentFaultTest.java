package io.tabula.connectors.payment;

import static io.tabula.connectors.payment.SimulatorFixture.charge;
import static io.tabula.connectors.payment.SimulatorFixture.newCallId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.connectors.simulator.Fault;
import io.tabula.connectors.simulator.LedgerEntry;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.masking.memory.CallMemory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor misbehaves; money must move exactly once or not at all. */
class PaymentFaultTest {

  @TempDir static Path directory;
  static SimulatorFixture fixture;
  static PaymentGateway gateway;
  static CardPayments payments;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture(directory);
    // A short response timeout: the timeout fault holds its reply forever.
    gateway =
        PaymentGateways.open(fixture.stripeConfig().withResponseTimeout(Duration.ofSeconds(2)));
    payments =
        new CardPayments(
            gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(3));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    fixture.close();
  }

  private PaymentOutcome payWithFault(Fault fault, String callId) {
    fixture.simulator.faults().inject(fault);
    try (CallMemory call = fixture.newCall()) {
      CardFields card = TestCards.key(call, TestCards.VISA_APPROVED);
      PaymentOutcome outcome = payments.pay(charge(card, callId, 1));
      assertThat(fixture.pool.slotIsZero(call.slot())).as("card wiped after the outcome").isTrue();
      return outcome;
    }
  }

  @Test
  void timeoutAfterTheProcessorChargedIsResentWithTheSameKeyAndChargesOnce() {
    String callId = newCallId();
    int heldBefore = fixture.simulator.heldReplies().get();

    PaymentOutcome outcome = payWithFault(Fault.TIMEOUT_AFTER_CHARGE, callId);

    assertThat(fixture.simulator.heldReplies().get()).isEqualTo(heldBefore + 1);
    assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
    List<LedgerEntry> charges = fixture.simulator.ledger().chargesFor("T-" + callId);
    assertThat(charges).hasSize(1);
    assertThat(((PaymentOutcome.Approved) outcome).gatewayReference())
        .as("the resend got the first charge's answer")
        .isEqualTo(charges.getFirst().paymentIntent());
  }

  @Test
  void noAnswerToAnySendIsUnknownNeverFailed() {
    String callId = newCallId();
    CardPayments oneSend =
        new CardPayments(
            gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(1));
    fixture.simulator.faults().inject(Fault.TIMEOUT_AFTER_CHARGE);
    try (CallMemory call = fixture.newCall()) {
      PaymentOutcome outcome =
          oneSend.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
      assertThat(outcome).isEqualTo(new PaymentOutcome.Unknown("timeout", Optional.empty()));
    }
  }

  @Test
  void aProcessorThatAnswersLateIsJoinedByTheResendAndChargesOnce() {
    String callId = newCallId();
    // Send 1 gives up at 2 s; send 2 (2.6 s) finds the first still running (409); send 3 (3.8 s)
    // gets the first answer, stored at 3 s.
    CardPayments patient =
        new CardPayments(
            gateway,
            CardValidator.allBrands(Clock.systemUTC()),
            new RetryPolicy(3, Duration.ofMillis(600)));
    fixture.simulator.faults().answerLate(Duration.ofSeconds(3));
    try (CallMemory call = fixture.newCall()) {
      PaymentOutcome outcome =
          patient.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      List<LedgerEntry> charges = fixture.simulator.ledger().chargesFor("T-" + callId);
      assertThat(charges).hasSize(1);
      assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(((PaymentOutcome.Approved) outcome).gatewayReference())
          .isEqualTo(charges.getFirst().paymentIntent());
    }
  }

  @Test
  void theSendBudgetCoversEverySendAtItsLimitAndThePauses() {
    CardPayments budgeted =
        new CardPayments(
            gateway,
            CardValidator.allBrands(Clock.systemUTC()),
            new RetryPolicy(3, Duration.ofMillis(250)));
    // Stripe: two requests per send at 2 s each; pauses 250 ms and 500 ms.
    assertThat(budgeted.sendBudget()).isEqualTo(Duration.ofMillis(3 * 2 * 2_000 + 750));
  }

  @Test
  void serverErrorIsResentWithTheSameKeyAndChargesOnce() {
    String callId = newCallId();

    PaymentOutcome outcome = payWithFault(Fault.SERVER_ERROR, callId);

    assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
    assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
  }

  @Test
  void connectionResetMidResponseIsResentWithTheSameKeyAndChargesOnce() {
    String callId = newCallId();

    PaymentOutcome outcome = payWithFault(Fault.RESET_MID_RESPONSE, callId);

    assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
    List<LedgerEntry> charges = fixture.simulator.ledger().chargesFor("T-" + callId);
    assertThat(charges).hasSize(1);
    assertThat(((PaymentOutcome.Approved) outcome).gatewayReference())
        .isEqualTo(charges.getFirst().paymentIntent());
  }

  @Test
  void certificateForAnotherHostFailsTlsSendsNothingAndIsNotRetried() {
    String callId = newCallId();
    long requestsBefore = fixture.simulator.ledger().requests();
    // A gateway of its own, so the fault meets a new connection rather than a kept-alive one.
    try (PaymentGateway fresh = PaymentGateways.open(fixture.stripeConfig())) {
      CardPayments freshPayments =
          new CardPayments(
              fresh, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(3));
      fixture.simulator.faults().inject(Fault.TLS_WRONG_HOST);
      try (CallMemory call = fixture.newCall()) {
        PaymentOutcome outcome =
            freshPayments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

        assertThat(outcome).isEqualTo(new PaymentOutcome.Failed(FailureKind.TLS, Retry.NO));
        assertThat(fixture.pool.slotIsZero(call.slot())).isTrue();
      }
    }
    assertThat(fixture.simulator.ledger().requests()).isEqualTo(requestsBefore);
    assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).isEmpty();
  }

  @Test
  void processorCertificateFromAnUntrustedCaFailsTls(@TempDir Path other) throws Exception {
    Path otherCa = other.resolve("other-ca.pem");
    DevCertificateAuthority.create("Some other CA").writeCertificatePem(otherCa);
    GatewayConfig config =
        GatewayConfig.of(
            "stripe",
            fixture.simulator.endpoint(),
            SecretReference.file(fixture.keyFile),
            Optional.of(otherCa));
    long requestsBefore = fixture.simulator.ledger().requests();
    try (PaymentGateway untrusting = PaymentGateways.open(config);
        CallMemory call = fixture.newCall()) {
      PaymentOutcome outcome =
          untrusting.charge(charge(TestCards.key(call, TestCards.VISA_APPROVED), newCallId(), 1));

      assertThat(outcome).isEqualTo(new PaymentOutcome.Failed(FailureKind.TLS, Retry.NO));
      assertThat(fixture.simulator.ledger().requests()).isEqualTo(requestsBefore);
    }
  }

  @Test
  void unreachableProcessorFailsAfterTheResendsAndStillWipesTheCard() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GatewayConfig config =
        GatewayConfig.of(
            "stripe",
            java.net.URI.create("https://localhost:" + closedPort),
            SecretReference.file(fixture.keyFile),
            Optional.of(fixture.caPem));
    try (PaymentGateway unreachable = PaymentGateways.open(config);
        CallMemory call = fixture.newCall()) {
      CardPayments resending =
          new CardPayments(
              unreachable, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(2));

      PaymentOutcome outcome =
          resending.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), newCallId(), 1));

      assertThat(outcome).isEqualTo(new PaymentOutcome.Failed(FailureKind.CONNECT, Retry.SAME_KEY));
      assertThat(fixture.pool.slotIsZero(call.slot())).isTrue();
    }
  }
}

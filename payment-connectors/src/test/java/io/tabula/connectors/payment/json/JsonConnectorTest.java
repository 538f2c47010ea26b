package io.tabula.connectors.payment.json;

import static io.tabula.connectors.payment.SimulatorFixture.charge;
import static io.tabula.connectors.payment.SimulatorFixture.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.DeclineReason;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.connectors.payment.SimulatorFixture;
import io.tabula.connectors.payment.TestCards;
import io.tabula.connectors.simulator.Fault;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.memory.CallMemory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonConnectorTest {

  static final String TEMPLATE =
      """
      {"amount": {{amount_minor}}, "currency": "{{currency}}", "reference": "{{reference}}",
       "card": {"number": "{{pan}}", "exp_month": "{{exp_month}}", "exp_year": "{{exp_year}}",
                "cvc": "{{cvc}}"}}""";

  @TempDir static Path directory;
  static SimulatorFixture fixture;
  static PaymentGateway gateway;
  static CardPayments payments;

  static GatewayConfig config(Map<String, String> settings) {
    return new GatewayConfig(
        "json",
        URI.create(fixture.simulator.endpoint() + "/json/v1/charges"),
        SecretReference.file(fixture.keyFile),
        Optional.of(fixture.caPem),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        settings);
  }

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture(directory);
    gateway =
        PaymentGateways.open(
            config(
                Map.of(
                    "body-template", TEMPLATE,
                    "auth-header", "X-Api-Key",
                    "auth-prefix", "",
                    "header.X-Tenant", "springfield",
                    "response.authorization-code", "/auth_code",
                    "response.token", "/token",
                    "decline.insufficient_funds", "insufficient_funds",
                    "decline.expired_card", "EXPIRED_CARD")));
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
  void approvedReplyIsMappedByConfiguration() {
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              PaymentOutcome.Approved.class,
              a -> {
                assertThat(a.authorizationCode()).matches("[0-9]{6}");
                assertThat(a.gatewayReference()).startsWith("ch_json");
                assertThat(a.token()).hasValueSatisfying(t -> assertThat(t).startsWith("tok_"));
                assertThat(a.brand()).isEqualTo(CardBrand.VISA);
                assertThat(a.lastFour()).isEqualTo("4242");
              });
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId))
          .singleElement()
          .satisfies(e -> assertThat(e.amountMinor()).isEqualTo(4250));
      assertThat(fixture.pool.slotIsZero(call.slot())).isTrue();
    }
  }

  @Test
  void declineCodesAreMappedByTheDeclineTable() {
    try (CallMemory call = fixture.newCall()) {
      PaymentOutcome funds =
          payments.pay(charge(TestCards.key(call, TestCards.INSUFFICIENT_FUNDS), newCallId(), 1));
      PaymentOutcome generic =
          payments.pay(charge(TestCards.key(call, TestCards.GENERIC_DECLINE), newCallId(), 1));

      assertThat(funds)
          .isEqualTo(
              new PaymentOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "insufficient_funds"));
      assertThat(generic)
          .isEqualTo(new PaymentOutcome.Declined(DeclineReason.GENERIC, "generic_decline"));
    }
  }

  @Test
  void aPendingAnswerIsUnknownNotADeclineAndIsNotResent() {
    fixture.simulator.faults().inject(Fault.PROCESSING);
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      long before = fixture.simulator.ledger().requests();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      assertThat(outcome).isInstanceOf(PaymentOutcome.Unknown.class);
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
      assertThat(fixture.simulator.ledger().requests() - before).isEqualTo(1);
    }
  }

  @Test
  void timeoutAfterChargeIsResentWithTheSameKeyAndChargesOnce() {
    fixture.simulator.faults().inject(Fault.TIMEOUT_AFTER_CHARGE);
    try (CallMemory call = fixture.newCall()) {
      String callId = newCallId();
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));

      assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
    }
  }

  @Test
  void templateWithoutThePanOrWithAnUnknownPlaceholderIsRefused() {
    assertThatThrownBy(() -> BodyTemplate.compile("{\"amount\": {{amount_minor}}}"))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("{{pan}}");
    assertThatThrownBy(() -> BodyTemplate.compile("{\"n\": \"{{pan}}\", \"x\": \"{{card}}\"}"))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("{{card}}");
  }

  @Test
  void unknownDeclineReasonInConfigurationIsRefused() {
    assertThatThrownBy(
            () ->
                PaymentGateways.open(
                    config(Map.of("body-template", TEMPLATE, "decline.x", "BROKE"))))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("decline.x");
  }
}

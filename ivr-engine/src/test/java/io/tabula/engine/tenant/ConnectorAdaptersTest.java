package io.tabula.engine.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.lookup.BalanceLookup;
import io.tabula.connectors.lookup.LookupFailure;
import io.tabula.connectors.lookup.LookupParameter;
import io.tabula.connectors.lookup.LookupValue;
import io.tabula.connectors.payment.DeclineReason;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.flows.connect.IdempotencyKey;
import io.tabula.flows.connect.LookupInput;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.PaymentRequest;
import io.tabula.flows.connect.Value;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mapping between the flows' connector SPI and the real lookup and payment connectors. The
 * connectors themselves run for real in the end-to-end product test; here a recording lookup shows
 * what the adapter hands over.
 */
class ConnectorAdaptersTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final io.tabula.flows.port.CallId CALL =
      new io.tabula.flows.port.CallId("9a1b2c3d4e5f60718293a4b5c6d7e8f9");

  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(1, 256, false, false));
  private final CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aKeyedFieldTravelsAsASecretParameterAndColumnsComeBackAsFlowValues() {
    SecretField ticket = memory.field("ticket", 8);
    List<String> secretParameters = new ArrayList<>();
    BalanceLookup database =
        (tenant, lookup, parameters) -> {
          parameters.names().stream()
              .filter(name -> parameters.get(name).orElseThrow() instanceof LookupParameter.Secret)
              .forEach(secretParameters::add);
          assertThat(parameters.get("plate")).get().isInstanceOf(LookupParameter.Value.class);
          return new io.tabula.connectors.lookup.LookupResult.Found(
              Map.of(
                  "balance", new LookupValue.Money(new BigDecimal("45.00"), USD),
                  "due_date", new LookupValue.Date(LocalDate.of(2026, 12, 15)),
                  "status", new LookupValue.Text("open")));
        };

    LookupResult result =
        new JdbcLookupConnector("city-parking", "city", database)
            .lookup(
                new LookupRequest(
                    "city",
                    "ticket",
                    "1795421793.33",
                    Map.of(
                        "ticket", new LookupInput.Secret(ticket),
                        "plate", new LookupInput.Plain(new Value.Text("7ABC123")))));

    assertThat(secretParameters).containsExactly("ticket");
    assertThat(result)
        .isEqualTo(
            new LookupResult.Found(
                Map.of(
                    "balance", new Value.Money(new BigDecimal("45.00"), USD),
                    "due_date", new Value.Date(LocalDate.of(2026, 12, 15)),
                    "status", new Value.Text("open"))));
  }

  @ParameterizedTest
  @EnumSource(LookupFailure.class)
  void everyLookupFailureHasAFlowOutcome(LookupFailure failure) {
    LookupResult.Failed mapped = JdbcLookupConnector.failure(failure);

    assertThat(mapped.retryable())
        .isEqualTo(
            failure == LookupFailure.TIMEOUT
                || failure == LookupFailure.UNAVAILABLE
                || failure == LookupFailure.TLS_REFUSED);
  }

  @Test
  void theSameFlowAttemptAlwaysSendsTheSameGatewayKeyAndAnotherAttemptAnother() {
    PaymentRequest first = payment(IdempotencyKey.of(CALL, "pay", 1));
    PaymentRequest again = payment(IdempotencyKey.of(CALL, "pay", 1));
    PaymentRequest second = payment(IdempotencyKey.of(CALL, "pay", 2));

    assertThat(GatewayPaymentConnector.idempotencyKey(first))
        .isEqualTo(GatewayPaymentConnector.idempotencyKey(again))
        .isNotEqualTo(GatewayPaymentConnector.idempotencyKey(second));
    assertThat(GatewayPaymentConnector.idempotencyKey(first).value())
        .as("the key in the reconciliation log is the key at the processor")
        .isEqualTo(first.key().value());
  }

  @Test
  void outcomesMapToWhatTheFlowCanSpeak() {
    assertThat(
            GatewayPaymentConnector.outcome(
                new PaymentOutcome.Approved(
                    "A1B2C3", "pi_123", Optional.empty(), CardBrand.VISA, "4242")))
        .isEqualTo(
            new io.tabula.flows.connect.PaymentOutcome.Approved(
                "A1B2C3", "pi_123", "Visa", "4242"));
    assertThat(
            GatewayPaymentConnector.outcome(
                new PaymentOutcome.Declined(DeclineReason.INCORRECT_CVC, "incorrect_cvc")))
        .isEqualTo(
            new io.tabula.flows.connect.PaymentOutcome.Declined(
                io.tabula.flows.connect.DeclineReason.WRONG_CVC));
    assertThat(
            GatewayPaymentConnector.outcome(
                new PaymentOutcome.Failed(
                    PaymentOutcome.FailureKind.TIMEOUT, PaymentOutcome.Retry.SAME_KEY)))
        .as("a timeout may have charged: never told as not charged")
        .isEqualTo(new io.tabula.flows.connect.PaymentOutcome.Unknown("timeout"));
    assertThat(
            GatewayPaymentConnector.outcome(
                new PaymentOutcome.Unknown("processing", Optional.of("pi_1"))))
        .isEqualTo(new io.tabula.flows.connect.PaymentOutcome.Unknown("processing"));
    assertThat(
            GatewayPaymentConnector.outcome(
                new PaymentOutcome.Failed(
                    PaymentOutcome.FailureKind.CONNECT, PaymentOutcome.Retry.SAME_KEY)))
        .isEqualTo(new io.tabula.flows.connect.PaymentOutcome.Failed("connect"));
  }

  @Test
  void aStandInForAnUnconfiguredConnectorFailsAtOnceAndZeroesTheCard() {
    PaymentRequest request = payment(IdempotencyKey.of(CALL, "pay", 1));
    request.pan().append((byte) '4');

    UnconfiguredConnector standIn = new UnconfiguredConnector("utility-pay");

    assertThat(standIn.charge(request))
        .isEqualTo(new io.tabula.flows.connect.PaymentOutcome.Failed("connector not configured"));
    assertThat(request.pan().isEmpty()).isTrue();
    assertThat(standIn.lookup(new LookupRequest("utility", "account", "1.1", Map.of())))
        .isEqualTo(new LookupResult.Failed(LookupResult.FailureKind.UNAVAILABLE, false));
  }

  private PaymentRequest payment(IdempotencyKey key) {
    return new PaymentRequest(
        "city",
        new Value.Money(new BigDecimal("45.00"), USD),
        memory.field("pan", 19),
        memory.field("expiry", 4),
        memory.field("cvc", 4),
        key,
        Map.of("ticket", "12345678"));
  }
}

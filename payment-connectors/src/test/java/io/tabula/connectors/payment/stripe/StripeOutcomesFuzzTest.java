package io.tabula.connectors.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.testing.TimeBound;
import java.io.IOException;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of how a Stripe-compatible error reply becomes an outcome
 * (docs/fuzzing.md): any status, any body, read as {@link StripeGateway} reads it. A decline comes
 * only from a card error or a 402; nothing else is ever told as "not charged", and nothing throws.
 */
class StripeOutcomesFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest
  void mapsAnyErrorReply(FuzzedDataProvider data) throws Exception {
    int status = data.consumeInt(100, 599);
    byte[] body = data.consumeRemainingAsBytes();
    BOUND.run(() -> map(status, body));
  }

  private static void map(int status, byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return; // StripeGateway: Failed(PROTOCOL, SAME_KEY)
    }
    if (json == null) {
      return;
    }
    PaymentOutcome outcome = StripeOutcomes.fromError(status, json);
    if (outcome instanceof PaymentOutcome.Declined) {
      assertThat(status == 402 || "card_error".equals(json.path("error").path("type").asText("")))
          .as("declined without a card error")
          .isTrue();
    }
    assertThat(outcome).isNotNull();
  }
}

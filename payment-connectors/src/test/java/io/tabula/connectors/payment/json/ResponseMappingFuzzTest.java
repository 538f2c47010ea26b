package io.tabula.connectors.payment.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.masking.card.CardBrand;
import io.tabula.testing.TimeBound;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of how the JSON connector reads a processor's reply (docs/fuzzing.md):
 * any status, any body, read as {@link JsonGateway} reads it. The outcome is approved only for a
 * 2xx reply whose outcome field says approved, declined only when it says declined below 500, and
 * never an exception other than the parser's typed refusal (which the gateway reports as a protocol
 * failure, whose money state is unknown).
 */
class ResponseMappingFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseMapping MAPPING =
      ResponseMapping.from(
          new GatewayConfig(
              "json",
              URI.create("https://gateway.invalid/charges"),
              SecretReference.file(Path.of("unused.key")),
              Optional.empty(),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              Map.of(
                  "response.token", "/token", "decline.insufficient_funds", "INSUFFICIENT_FUNDS")));

  @FuzzTest
  void mapsAnyReply(FuzzedDataProvider data) throws Exception {
    int status = data.consumeInt(100, 599);
    byte[] body = data.consumeRemainingAsBytes();
    BOUND.run(() -> map(status, body));
  }

  private static void map(int status, byte[] body) {
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      return; // JsonGateway: Failed(PROTOCOL, SAME_KEY)
    }
    PaymentOutcome outcome = MAPPING.outcome(status, json, CardBrand.VISA, "4242");
    String said = json.at("/status").asText("");
    switch (outcome) {
      case PaymentOutcome.Approved approved -> {
        assertThat(status).isLessThan(300);
        assertThat(said).isEqualTo("approved");
      }
      case PaymentOutcome.Declined declined -> {
        assertThat(status).isLessThan(500);
        assertThat(said).isEqualTo("declined");
      }
      default -> assertThat(outcome).isNotNull();
    }
  }
}

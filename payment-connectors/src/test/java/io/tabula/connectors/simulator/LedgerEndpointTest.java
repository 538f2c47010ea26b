package io.tabula.connectors.simulator;

import static io.tabula.connectors.payment.SimulatorFixture.charge;
import static io.tabula.connectors.payment.SimulatorFixture.newCallId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SimulatorFixture;
import io.tabula.connectors.payment.TestCards;
import io.tabula.masking.memory.CallMemory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/charges} over real TLS: what the Docker stack test and an admin read to see what
 * the simulated processor charged. Charges go through the real Stripe connector.
 */
class LedgerEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  static SimulatorFixture fixture;
  static PaymentGateway gateway;
  static CardPayments payments;
  static HttpClient http;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture(directory);
    gateway = PaymentGateways.open(fixture.stripeConfig());
    payments =
        new CardPayments(
            gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(1));
    http = HttpClient.newBuilder().sslContext(fixture.ca.clientContext()).build();
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.close();
    fixture.close();
  }

  @Test
  void listsEachChargeWithAmountBrandLastFourAndMetadataButNeverTheCardNumber() throws Exception {
    String callId = newCallId();
    try (CallMemory call = fixture.newCall()) {
      PaymentOutcome outcome =
          payments.pay(charge(TestCards.key(call, TestCards.VISA_APPROVED), callId, 1));
      assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
    }

    HttpResponse<String> response = get("Bearer " + SimulatorFixture.API_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(TestCards.VISA_APPROVED);
    JsonNode list = JSON.readTree(response.body());
    assertThat(list.path("object").asText()).isEqualTo("list");
    JsonNode charge = find(list, "T-" + callId);
    assertThat(charge.path("amount").asLong()).isEqualTo(4250);
    assertThat(charge.path("currency").asText()).isEqualTo("eur");
    assertThat(charge.path("status").asText()).isEqualTo("succeeded");
    assertThat(charge.path("paid").asBoolean()).isTrue();
    assertThat(charge.at("/payment_method_details/card/brand").asText()).isEqualTo("visa");
    assertThat(charge.at("/payment_method_details/card/last4").asText()).isEqualTo("4242");
    assertThat(charge.path("payment_intent").asText()).startsWith("pi_");
  }

  @Test
  void aDeclineIsListedAsFailedWithItsCode() throws Exception {
    String callId = newCallId();
    try (CallMemory call = fixture.newCall()) {
      payments.pay(charge(TestCards.key(call, TestCards.INSUFFICIENT_FUNDS), callId, 1));
    }

    JsonNode charge =
        find(JSON.readTree(get("Bearer " + SimulatorFixture.API_KEY).body()), "T-" + callId);

    assertThat(charge.path("status").asText()).isEqualTo("failed");
    assertThat(charge.path("paid").asBoolean()).isFalse();
    assertThat(charge.path("failure_code").asText()).isEqualTo("insufficient_funds");
  }

  @Test
  void withoutTheApiKeyTheLedgerIsRefused() throws Exception {
    assertThat(get("Bearer sk_test_wrong").statusCode()).isEqualTo(401);
    assertThat(get("").statusCode()).isEqualTo(401);
  }

  @Test
  void basicAuthWithTheKeyAsUserIsAcceptedAsStripeDoes() throws Exception {
    // What curl -u sk_test_...: and Stripe's client libraries send.
    assertThat(get(basic(SimulatorFixture.API_KEY + ":")).statusCode()).isEqualTo(200);
    assertThat(get(basic(SimulatorFixture.API_KEY + ":ignored-password")).statusCode())
        .isEqualTo(200);
    assertThat(get("basic " + encode(SimulatorFixture.API_KEY + ":")).statusCode()).isEqualTo(200);
  }

  @Test
  void basicAuthWithAnotherUserOrGarbageIsRefused() throws Exception {
    assertThat(get(basic("sk_test_wrong:")).statusCode()).isEqualTo(401);
    assertThat(get(basic(":" + SimulatorFixture.API_KEY)).statusCode()).isEqualTo(401);
    assertThat(get(basic(SimulatorFixture.API_KEY)).statusCode()).isEqualTo(401);
    assertThat(get("Basic not*base64").statusCode()).isEqualTo(401);
  }

  private static String basic(String userAndPassword) {
    return "Basic " + encode(userAndPassword);
  }

  private static String encode(String text) {
    return java.util.Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void theLedgerIsReadOnly() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(fixture.simulator.endpoint().resolve("/v1/charges"))
            .header("Authorization", "Bearer " + SimulatorFixture.API_KEY)
            .POST(HttpRequest.BodyPublishers.ofString("amount=100"))
            .build();

    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }

  private static HttpResponse<String> get(String authorization) throws Exception {
    URI uri = fixture.simulator.endpoint().resolve("/v1/charges");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode find(JsonNode list, String reference) {
    for (JsonNode charge : list.path("data")) {
      if (reference.equals(charge.at("/metadata/reference").asText())) {
        return charge;
      }
    }
    throw new AssertionError("no charge with reference " + reference + " in the ledger");
  }
}

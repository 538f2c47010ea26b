package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.connectors.payment.CardFields;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.IdempotencyKey;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.PaymentMetadata;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.connectors.payment.http.TlsClientContexts;
import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula simulator} started through picocli in this JVM on a free port: a charge through the
 * real Stripe connector, trusting only the CA the command wrote or was given, then the ledger read
 * back over HTTPS and the summary printed at the end.
 */
class SimulatorCommandTest {

  private static final String API_KEY = "sk_test_cli_0123456789";
  private static final String CARD = "4242424242424242";

  @TempDir Path directory;

  @Test
  void freshCaChargeThroughTheStripeConnectorShowsInTheLedgerAndTheSummary() throws Exception {
    Path keyFile = apiKeyFile();
    Path caDir = directory.resolve("sim-ca");
    try (Running sim =
        Running.start(
            "--port",
            "0",
            "--ca-dir",
            caDir.toString(),
            "--api-key-file",
            keyFile.toString(),
            "--host",
            "localhost")) {
      Path caPem = caDir.resolve("ca.pem");
      assertThat(sim.simulator.endpoint().getHost()).isEqualTo("localhost");

      assertThat(charge(sim.simulator.endpoint(), keyFile, caPem, "PT-1"))
          .isInstanceOf(PaymentOutcome.Approved.class);

      JsonNode ledger = ledger(sim.simulator.endpoint(), caPem);
      assertThat(ledger.path("data")).hasSize(1);
      JsonNode charge = ledger.path("data").get(0);
      assertThat(charge.path("amount").asLong()).isEqualTo(4500);
      assertThat(charge.path("status").asText()).isEqualTo("succeeded");
      assertThat(charge.at("/metadata/reference").asText()).isEqualTo("PT-1");
      assertThat(charge.at("/payment_method_details/card/last4").asText()).isEqualTo("4242");
      assertThat(charge.toString()).doesNotContain(CARD);

      String output = sim.stop();
      assertThat(output)
          .contains("Gateway simulator on https://localhost:", caPem.toString())
          .contains("Gateway simulator stopped: 1 charge (USD 45.00), 0 declines")
          .doesNotContain(API_KEY);
    }
  }

  @Test
  void withoutAnApiKeyFileItMakesATestKeyWritesItNextToTheCaAndPrintsBoth() throws Exception {
    Path caDir = directory.resolve("sim-ca");
    try (Running sim = Running.start("--port", "0", "--ca-dir", caDir.toString())) {
      Path keyFile = caDir.resolve("api-key");
      String key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
      assertThat(key).matches("sk_test_[A-Za-z0-9]{24}");
      assertThat(Files.getPosixFilePermissions(keyFile))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

      assertThat(charge(sim.simulator.endpoint(), keyFile, caDir.resolve("ca.pem"), "PT-3"))
          .isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(sim.stop()).contains("API key        " + key + " (in " + keyFile + ")");
    }
  }

  @Test
  void servesTheCertificateThatTabulaCertsMadeForTheServiceName() throws Exception {
    Path certs = directory.resolve("certs");
    assertThat(
            TabulaCommand.commandLine()
                .setOut(new PrintWriter(new StringWriter()))
                .execute("certs", "--out", certs.toString(), "--server", "postgres,simulator"))
        .isZero();
    Path keyFile = apiKeyFile();
    try (Running sim =
        Running.start(
            "--port",
            "0",
            "--address",
            "127.0.0.1",
            "--api-key-file",
            keyFile.toString(),
            "--ca",
            certs.resolve("ca.crt").toString(),
            "--cert",
            certs.resolve("simulator.crt").toString(),
            "--key",
            certs.resolve("simulator.key").toString())) {
      // The compose engine reaches it as https://simulator:8443; here the same certificate also
      // names localhost, which 'tabula certs' adds to every server certificate.
      assertThat(sim.simulator.options().hostNames()).contains("simulator", "localhost");
      URI local = URI.create("https://localhost:" + sim.simulator.port());

      assertThat(charge(local, keyFile, certs.resolve("ca.crt"), "PT-2"))
          .isInstanceOf(PaymentOutcome.Approved.class);
      assertThat(ledger(local, certs.resolve("ca.crt")).path("data")).hasSize(1);
    }
  }

  @Test
  void aMissingApiKeyFileSaysHowToCreateIt() {
    assertThat(
            refusal(
                "simulator", "--port", "0", "--api-key-file", directory.resolve("nope").toString()))
        .contains("cannot read the API key from", "create it");
  }

  @Test
  void aCertificateWithoutItsKeyIsRefusedBeforeAnythingListens() throws Exception {
    assertThat(
            refusal(
                "simulator",
                "--port",
                "0",
                "--api-key-file",
                apiKeyFile().toString(),
                "--cert",
                "simulator.crt"))
        .contains("give --ca, --cert and --key together");
  }

  @Test
  void aLatencyThatIsNoDurationIsRefused() throws Exception {
    assertThat(
            refusal(
                "simulator",
                "--port",
                "0",
                "--api-key-file",
                apiKeyFile().toString(),
                "--latency",
                "fast"))
        .contains("'fast' is not a duration; write it like 500ms, 3s, 2m or 1h");
  }

  /**
   * Runs the command line, expects it to refuse its arguments (exit 2) and returns what it said.
   */
  private static String refusal(String... args) {
    StringWriter err = new StringWriter();
    int status = TabulaCommand.commandLine().setErr(new PrintWriter(err)).execute(args);
    assertThat(status).as(err.toString()).isEqualTo(2);
    return err.toString();
  }

  @Test
  void theDefaultCaFolderIsInTheTemporaryFolderNotTheWorkingOne() {
    StringWriter out = new StringWriter();
    TabulaCommand.commandLine().setOut(new PrintWriter(out)).execute("simulator", "--help");

    assertThat(out.toString())
        .contains(Path.of(System.getProperty("java.io.tmpdir"), "tabula-simulator").toString());
  }

  private Path apiKeyFile() throws Exception {
    Path file = directory.resolve("simulator-key");
    Files.writeString(file, API_KEY + "\n", StandardCharsets.US_ASCII);
    return file;
  }

  private static PaymentOutcome charge(URI endpoint, Path keyFile, Path ca, String reference) {
    GatewayConfig config =
        GatewayConfig.of("stripe", endpoint, SecretReference.file(keyFile), Optional.of(ca));
    try (PaymentGateway gateway = PaymentGateways.open(config);
        CallMemoryPool pool = CallMemoryPool.open(new CallMemoryPoolConfig(2, 256, false, false))) {
      CardPayments payments =
          new CardPayments(
              gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(1));
      if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory call))) {
        throw new AssertionError("the test pool is full");
      }
      try (call) {
        CardFields card =
            new CardFields(call.field("pan", 19), call.field("expiry", 4), call.field("cvc", 4));
        key(card.pan(), CARD);
        key(card.expiry(), "1230");
        key(card.cvc(), "123");
        return payments.pay(
            new ChargeRequest(
                new BigDecimal("45.00"),
                Currency.getInstance("USD"),
                card,
                IdempotencyKey.forAttempt("1700000000.1", 1),
                new PaymentMetadata("city", "parking-ticket", reference)));
      }
    }
  }

  private static void key(SecretField field, String digits) {
    for (byte b : digits.getBytes(StandardCharsets.US_ASCII)) {
      field.append(b);
    }
  }

  private static JsonNode ledger(URI endpoint, Path caPem) throws Exception {
    try (HttpClient http =
        HttpClient.newBuilder()
            .sslContext(TlsClientContexts.trusting(Optional.of(caPem)))
            .build()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint.resolve("/v1/charges"))
                  .header("Authorization", "Bearer " + API_KEY)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return new ObjectMapper().readTree(response.body());
    }
  }

  /** The command running on a virtual thread, as {@code tabula simulator} runs until Ctrl-C. */
  private static final class Running implements AutoCloseable {
    final SimulatorLifecycle lifecycle = new SimulatorLifecycle();
    final StringWriter out = new StringWriter();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    GatewaySimulator simulator;

    static Running start(String... options) throws Exception {
      Running running = new Running();
      List<String> args = new ArrayList<>(List.of(options));
      CommandLine command =
          new CommandLine(new SimulatorCommand(running.lifecycle))
              .setOut(new PrintWriter(running.out, true));
      Thread.ofVirtual()
          .start(() -> running.exit.complete(command.execute(args.toArray(String[]::new))));
      running.simulator = running.lifecycle.started().get(30, TimeUnit.SECONDS);
      return running;
    }

    String stop() throws Exception {
      lifecycle.stopAndWait(Duration.ofSeconds(10));
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
      return out.toString();
    }

    @Override
    public void close() {
      lifecycle.stop();
      exit.join(); // the run returns once it has printed its summary and closed the server
    }
  }
}

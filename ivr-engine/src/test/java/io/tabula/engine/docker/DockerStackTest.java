package io.tabula.engine.docker;

import static io.tabula.engine.docker.StackFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.connectors.payment.http.TlsClientContexts;
import io.tabula.engine.cli.TabulaCommand;
import io.tabula.masking.audit.AuditFinding;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.RecordingAuditor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The compose stack (docker/compose.yaml plus compose.test.yaml) with a call placed through
 * Asterisk's own dialplan: a Local channel whose {@code ;2} half runs the shipped [tabula-call]
 * (MixMonitor, AGI to the engine) and whose {@code ;1} half keys ticket, menu choice and card with
 * SendDTMF ([stacktest-caller] in docker/asterisk-test). Asserts the payment in the simulator's
 * ledger, the recording mutes around card entry and holds no key tone, and Asterisk's logs and
 * records hold neither the card nor the ticket number. Needs Docker and Compose v2.24+; skipped
 * where no Docker engine answers. How to run it: docker/README.md, section 8.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerStackTest {

  private static final String TICKET = "12345678";
  private static final String CARD = "4242424242424242";
  private static final Duration STARTUP = Duration.ofMinutes(15);
  private static final Duration CALL = Duration.ofMinutes(2);
  private static final String MONITOR = "/var/spool/asterisk/monitor";

  static Path work;
  static Path secrets;
  static ComposeContainer stack;

  @BeforeAll
  static void startStack() throws Exception {
    work = Path.of("target", "docker-stack-test").toAbsolutePath();
    Files.createDirectories(work);
    Path certs = work.resolve("certs");
    assertThat(
            TabulaCommand.commandLine()
                .setOut(new PrintWriter(new StringWriter()))
                .execute("certs", "--out", certs.toString(), "--server", "postgres", "--force"))
        .isZero();
    secrets = Files.createDirectories(work.resolve("secrets"));
    SecureRandom random = new SecureRandom();
    for (String name : ComposeStackFilesTest.readmeSecretNames()) {
      byte[] value = new byte[24];
      random.nextBytes(value);
      Files.writeString(secrets.resolve(name), HexFormat.of().formatHex(value) + "\n");
    }
    String dockerHost = DockerClientFactory.instance().dockerHostIpAddress();
    stack =
        new ComposeContainer(
                DOCKER.resolve("compose.yaml").toFile(),
                DOCKER.resolve("compose.test.yaml").toFile())
            .withEnv(
                Map.of(
                    "TABULA_CERTS", certs.toString(),
                    "TABULA_SECRETS", secrets.toString(),
                    // The test reads the ledger through the host Docker maps the port to.
                    "TABULA_SIMULATOR_HOSTS", "simulator,localhost,127.0.0.1," + dockerHost))
            .withBuild(true)
            .withRemoveVolumes(true)
            .withExposedService(
                "simulator", 8443, Wait.forListeningPort().withStartupTimeout(STARTUP))
            .withExposedService(
                "engine",
                9573,
                Wait.forHttp("/health")
                    .withHeader("Authorization", adminAuthorization())
                    .forStatusCode(200)
                    .withStartupTimeout(STARTUP));
    stack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void aCallThroughTheDialplanPaysMutesTheRecordingAndLeavesNoDigitsInAsterisk() throws Exception {
    ContainerState asterisk = stack.getContainerByServiceName("asterisk").orElseThrow();
    ExecResult originate =
        asterisk.execInContainer(
            "asterisk",
            "-rx",
            "channel originate Local/city-parking@tabula extension parking@stacktest-caller");
    assertThat(originate.getExitCode()).as(originate.getStderr()).isZero();

    JsonNode charge =
        await()
            .atMost(CALL)
            .pollInterval(Duration.ofSeconds(2))
            .until(DockerStackTest::parkingCharge, Optional::isPresent)
            .orElseThrow();
    assertThat(charge.path("amount").asLong()).isEqualTo(4500);
    assertThat(charge.path("currency").asText()).isEqualTo("usd");
    assertThat(charge.at("/payment_method_details/card/brand").asText()).isEqualTo("visa");
    assertThat(charge.at("/payment_method_details/card/last4").asText()).isEqualTo("4242");

    await().atMost(CALL).pollInterval(Duration.ofSeconds(1)).until(() -> noChannels(asterisk));

    String metrics = engineMetrics();
    assertThat(sum(metrics, "tabula_ami_action_seconds_count", "MixMonitorMute", "ok"))
        .as("mute and unmute around card, expiry and CVC")
        .isGreaterThanOrEqualTo(3);
    assertThat(sum(metrics, "tabula_ami_messages_dropped_total", "", ""))
        .as("Asterisk's manager.conf kept DTMF events away from the engine")
        .isZero();

    Path recording = copyTheRecording(asterisk);
    List<AuditFinding> tones = new ArrayList<>();
    AuditSummary audit = new RecordingAuditor(0).audit(List.of(recording), tones::add);
    assertThat(audit.unreadable()).isZero();
    assertThat(tones).as("DTMF key tones in the call's recording").isEmpty();
    RecordingLevels levels = RecordingLevels.of(recording);
    assertThat(levels.soundSeconds())
        .as("the caller's 440 Hz tone reached the recording outside the mute")
        .isGreaterThan(3.0);
    assertThat(levels.longestSilenceSeconds())
        .as("the recording was digitally silent while the card was keyed (17 keys, about 6 s)")
        .isGreaterThan(4.0);

    ExecResult kept =
        asterisk.execInContainer(
            "sh",
            "-c",
            "grep -rlaE '"
                + CARD
                + "|"
                + TICKET
                + "' /var/log/asterisk /var/lib/asterisk/astdb.sqlite3 2>/dev/null; true");
    assertThat(kept.getStdout()).as("Asterisk files holding the card or ticket number").isBlank();
    ContainerState engine = stack.getContainerByServiceName("engine").orElseThrow();
    assertThat(engine.getLogs()).doesNotContain(CARD);
  }

  /** The simulator's charge for this call, once it is in the ledger. */
  private static Optional<JsonNode> parkingCharge() throws Exception {
    String host = stack.getServiceHost("simulator", 8443);
    int port = stack.getServicePort("simulator", 8443);
    Path ca = work.resolve("simulator-ca.pem");
    ContainerState simulator = stack.getContainerByServiceName("simulator").orElseThrow();
    simulator.copyFileFromContainer("/var/lib/tabula/simulator-ca/ca.pem", ca.toString());
    String key = Files.readString(secrets.resolve("simulator-key")).strip();
    try (HttpClient http =
        HttpClient.newBuilder().sslContext(TlsClientContexts.trusting(Optional.of(ca))).build()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/v1/charges"))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      for (JsonNode charge : new ObjectMapper().readTree(response.body()).path("data")) {
        if (charge.path("paid").asBoolean()) {
          return Optional.of(charge);
        }
      }
      return Optional.empty();
    }
  }

  private static boolean noChannels(ContainerState asterisk) throws Exception {
    ExecResult count = asterisk.execInContainer("asterisk", "-rx", "core show channels count");
    return Pattern.compile("(?m)^0 active channels").matcher(count.getStdout()).find();
  }

  private static String engineMetrics() throws Exception {
    URI metrics =
        URI.create(
            "http://"
                + stack.getServiceHost("engine", 9573)
                + ":"
                + stack.getServicePort("engine", 9573)
                + "/metrics");
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(metrics).header("Authorization", adminAuthorization()).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /**
   * The engine's admin endpoint is bound beyond loopback, so it asks for the admin-token secret.
   */
  private static String adminAuthorization() throws IOException {
    return "Bearer " + Files.readString(secrets.resolve("admin-token")).strip();
  }

  /** Sums a Prometheus meter over the series whose labels contain both words (case-insensitive). */
  static double sum(String metrics, String meter, String word1, String word2) {
    Pattern line = Pattern.compile("^" + meter + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(metrics);
    double total = 0;
    while (matcher.find()) {
      String labels = matcher.group(1) == null ? "" : matcher.group(1).toLowerCase();
      if (labels.contains(word1.toLowerCase()) && labels.contains(word2.toLowerCase())) {
        total += Double.parseDouble(matcher.group(2));
      }
    }
    return total;
  }

  /** MixMonitor finishes its file after the hangup; copy it once its WAV header is complete. */
  private static Path copyTheRecording(ContainerState asterisk) {
    Path local = work.resolve("recording.wav");
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ExecResult list =
                  asterisk.execInContainer("sh", "-c", "ls " + MONITOR + "/*.wav 2>/dev/null");
              List<String> files = list.getStdout().lines().filter(l -> !l.isBlank()).toList();
              if (files.size() != 1) {
                return null;
              }
              asterisk.copyFileFromContainer(
                  files.getFirst(),
                  in -> Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING));
              AuditSummary check = new RecordingAuditor(0).audit(List.of(local), f -> {});
              return check.unreadable() == 0 ? local : null;
            },
            found -> found != null);
  }
}

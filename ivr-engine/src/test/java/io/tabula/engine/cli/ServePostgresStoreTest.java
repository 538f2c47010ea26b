package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flowstore.FlowStoreDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabula serve} on the shared PostgreSQL flow store, in a JVM of its own: a publish reaches
 * the running engine by NOTIFY (the check interval is ten minutes, so nothing else explains it),
 * the store going away leaves calls served by the last good version while {@code /health} says the
 * store is unreachable, and once it is back the next publish arrives.
 */
class ServePostgresStoreTest {

  private static final Pattern ADMIN = Pattern.compile("http://[0-9.]+:(\\d+)/health");

  @TempDir Path dir;

  @Test
  void publishesArriveAtOnceAndAnOutageChangesNothingForCallers() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      FlowStoreDatabase store = PostgresStoreConfig.install(postgres, dir);
      PostgresStoreConfig.publishShipped(store, "city/parking-ticket.yaml", "one");
      List<String> lines =
          new ArrayList<>(
              List.of(
                  "agi.port: 0",
                  "admin.port: 0",
                  "prompts.check: \"off\"",
                  "memory.slots: 16",
                  "recording: none"));
      lines.addAll(PostgresStoreConfig.lines(store, Duration.ofMinutes(10)));
      Path config = Files.write(dir.resolve("tabula.yaml"), lines);

      try (ServeProcess serve = ServeProcess.start(List.of(), config, "--demo");
          VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant());
          HttpClient http = HttpClient.newHttpClient()) {
        InetSocketAddress agi = serve.agiAddress();
        int admin = Integer.parseInt(serve.awaitLine(ADMIN).group(1));
        serve.awaitLine(Pattern.compile("Listening for flow publishes"));
        assertThat(call(pbx, agi)).as(serve.output()).isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
        assertThat(health(http, admin)).contains("\"flows.store\"").contains("reachable");

        PostgresStoreConfig.publishShipped(store, "city/parking-ticket.yaml", "two");
        serve.awaitLine(Pattern.compile("Flow city/parking-ticket version 2 is live"));

        postgres.stop();
        Awaitility.await("/health reports the store unreachable")
            .atMost(Duration.ofSeconds(30))
            .until(() -> health(http, admin).contains("unreachable since"));
        assertThat(health(http, admin))
            .contains("\"flow_updates\":\"DEGRADED\"")
            .contains("\"calls\":\"UP\"")
            .contains("city/parking-ticket v2");
        assertThat(call(pbx, agi)).as(serve.output()).isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
        assertThat(metrics(http, admin)).contains("tabula_flows_store_reachable 0.0");

        postgres.restart();
        serve.awaitLine(Pattern.compile("flow store .* is reachable again"));
        PostgresStoreConfig.publishShipped(store, "city/parking-ticket.yaml", "three");
        serve.awaitLine(Pattern.compile("Flow city/parking-ticket version 3 is live"));
        assertThat(call(pbx, agi)).as(serve.output()).isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
        assertThat(metrics(http, admin)).contains("tabula_flows_store_reachable 1.0");
      }
    }
  }

  private static CallReport.Outcome call(VirtualPbx pbx, InetSocketAddress agi) throws Exception {
    return pbx.call(agi, "city/parking-ticket", ServeJournalTest.ticketThenHangUp())
        .get(60, TimeUnit.SECONDS)
        .outcome();
  }

  private static String health(HttpClient http, int port) throws Exception {
    return get(http, port, "/health");
  }

  private static String metrics(HttpClient http, int port) throws Exception {
    return get(http, port, "/metrics");
  }

  private static String get(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

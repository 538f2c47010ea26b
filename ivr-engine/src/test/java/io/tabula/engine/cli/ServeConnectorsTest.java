package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.config.TenantsSettings;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.tenant.LiveTenants;
import io.tabula.engine.tenant.config.TenantsConfigException;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What serve opens from {@code tenants.dir} and what it says about it at start-up. */
class ServeConnectorsTest {

  @TempDir Path dir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ServeConnectors.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stopCapture() {
    logger.detachAppender(logs);
  }

  private List<String> logged(String level) {
    return logs.list.stream()
        .filter(e -> e.getLevel().toString().equals(level))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private ServeConnectors open(String tenantsDir) {
    return open(tenantsDir, false);
  }

  private ServeConnectors open(String tenantsDir, boolean demo) {
    return ServeConnectors.open(
        EngineConfig.defaults().withTenants(new TenantsSettings(tenantsDir)),
        Map.of(),
        new SimpleMeterRegistry(),
        demo);
  }

  @Test
  void withTenantFilesServeSaysPerTenantWhatIsReachableAndTheShippedFlowsRunOnThem() {
    LiveTenants live = LiveTenants.get();
    live.write(dir);

    try (ServeConnectors connectors = open(dir.toString());
        EngineFlows flows =
            EngineFlows.open(
                new FlowsSettings("", Duration.ofSeconds(5)), connectors.connectors())) {
      assertThat(connectors.connectors().lookupNames())
          .containsExactlyInAnyOrder("city-parking", "utility-billing");
      assertThat(connectors.connectors().paymentNames())
          .containsExactlyInAnyOrder("city-pay", "utility-pay");
      assertThat(flows.published().current("city", "parking-ticket")).isPresent();
      try (AdminServer admin =
          AdminServer.start(
              new AdminConfig("127.0.0.1", 0),
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
        connectors.registerHealth(admin);
        assertThat(admin.report().checks())
            .containsKeys("tenant.city.database", "tenant.utility.database");
        assertThat(admin.report().checks().get("tenant.city.database").state())
            .isEqualTo(HealthStatus.State.UP);
      }
    }
    String endpoint = live.database.postgres().host() + ":" + live.database.postgres().port();
    assertThat(logged("INFO"))
        .contains("tenant city: database " + endpoint + " reachable over TLS (verify-full)")
        .contains("tenant utility: database " + endpoint + " reachable over TLS (verify-full)")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("tenant city: payment connector city-pay via stripe at https://")
                    .endsWith("TLS handshake verified"));
    assertThat(logged("ERROR")).isEmpty();
    assertThat(logged("WARN")).isEmpty();
  }

  @Test
  void aConnectorNoTenantFileDefinesIsAnErrorNamingFlowAndStepButServeStillStarts()
      throws IOException {
    LiveTenants.get().write(dir);
    Files.delete(dir.resolve("utility.yaml"));

    try (ServeConnectors connectors = open(dir.toString());
        EngineFlows flows =
            EngineFlows.open(
                new FlowsSettings("", Duration.ofSeconds(5)), connectors.connectors())) {
      assertThat(flows.published().current("utility", "bill-payment")).isPresent();
      LookupResult standIn =
          connectors
              .connectors()
              .lookup("utility-billing")
              .orElseThrow()
              .lookup(new LookupRequest("utility", "account", "1.1", Map.of()));
      assertThat(standIn).isInstanceOf(LookupResult.Failed.class);
    }
    assertThat(logged("ERROR"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "flow utility/bill-payment step 'find-account' (utility/bill-payment.yaml:")
                    .contains(
                        "uses lookup connector 'utility-billing', which no tenant file defines"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("flow utility/bill-payment step ")
                    .contains("uses payment connector 'utility-pay'"))
        .noneSatisfy(line -> assertThat(line).contains("city/"));
  }

  @Test
  void anUnreachableDatabaseIsAWarningWithAdviceAndServeStillStarts() throws IOException {
    LiveTenants live = LiveTenants.get();
    live.write(dir);
    int closedPort = live.pointDatabaseAtClosedPort(dir, "city");

    try (ServeConnectors connectors = open(dir.toString())) {
      assertThat(connectors.connectors().lookupNames()).contains("city-parking");
    }
    assertThat(logged("WARN"))
        .singleElement()
        .asString()
        .startsWith("tenant city: database 127.0.0.1:" + closedPort + " NOT reachable")
        .contains("check host, port and firewall")
        .contains("the engine starts anyway");
  }

  @Test
  void problemsInTheFilesStopServeWithEveryProblemListed() throws IOException {
    Files.writeString(dir.resolve("city.yaml"), "tenant: city\ndatabase: {}\npayment: {}\n");

    assertThatThrownBy(() -> open(dir.toString()))
        .isInstanceOf(TenantsConfigException.class)
        .hasMessageContaining("city.yaml:2:11: error: database needs 'connector'")
        .hasMessageContaining("city.yaml:3:10: error: payment needs 'gateway'");
  }

  @Test
  void withoutTenantsDirTheDemoConnectorsComeOnlyWithDemoAndAWarning() {
    try (ServeConnectors connectors = open("", true)) {
      assertThat(connectors.connectors().lookupNames()).contains("city-parking");
    }
    assertThat(logged("WARN"))
        .singleElement()
        .asString()
        .contains("--demo", "tenants.dir is empty", "nothing is charged");
  }

  @Test
  void withoutTenantsDirAndWithoutDemoThereAreNoConnectorsAtAll() {
    try (ServeConnectors connectors = open("", false)) {
      assertThat(connectors.connectors().lookupNames()).isEmpty();
      assertThat(connectors.connectors().paymentNames()).isEmpty();
    }
  }
}

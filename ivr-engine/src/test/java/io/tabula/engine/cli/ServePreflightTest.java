package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve refuses before it opens anything, and what it lets start. */
class ServePreflightTest {

  @TempDir Path dir;

  private static final EngineConfig DEFAULTS = EngineConfig.defaults();

  /** The defaults with these settings, given as serve reads them from the environment. */
  private static EngineConfig with(String... variablesAndValues) {
    Map<String, String> environment = new HashMap<>();
    for (int i = 0; i < variablesAndValues.length; i += 2) {
      environment.put(variablesAndValues[i], variablesAndValues[i + 1]);
    }
    return EngineConfigLoader.load(null, environment);
  }

  @Test
  void theShippedDefaultsAreRefusedForTheMissingAmiLinkAndTheMissingTenantFiles() {
    List<String> refusals = ServePreflight.refusals(DEFAULTS, false);

    assertThat(refusals).hasSize(2);
    assertThat(refusals.get(0))
        .startsWith("flows city/parking-ticket, utility/bill-payment collect card data")
        .doesNotContain("utility/balance");
    assertThat(refusals.get(1)).contains("tenants.dir is not set", "tabula serve --demo");
  }

  @Test
  void withAnAmiLinkTenantFilesAndALoopbackAdminNothingIsRefused() {
    EngineConfig production =
        with("TABULA_AMI_HOST", "pbx1.example", "TABULA_TENANTS_DIR", "/etc/tabula/tenants");

    assertThat(ServePreflight.refusals(production, false)).isEmpty();
  }

  @Test
  void recordingNoneAndDemoAreTheExplicitWaysToStartWithout() {
    EngineConfig trial = with("TABULA_RECORDING", "none");

    assertThat(ServePreflight.refusals(trial, true)).isEmpty();
  }

  @Test
  void aFlowWithoutSecureInputNeedsNoAmiLinkButTheSelftestEchoDoes() throws Exception {
    Path store = dir.resolve("store");
    FlowStore flows =
        new FlowStore(
            store, new FlowCompiler(new ConnectorCatalog(Set.of("utility-billing"), Set.of())));
    Path source = store.resolve("utility/balance.yaml");
    Files.createDirectories(source.getParent());
    Files.writeString(source, ShippedFlowFiles.read("utility/balance.yaml").orElseThrow());
    flows.publish(source);
    EngineConfig balanceOnly = with("TABULA_FLOWS_STORE", store.toString());
    EngineConfig withSelftest =
        with("TABULA_FLOWS_STORE", store.toString(), "TABULA_SELFTEST_ENABLED", "true");

    assertThat(ServePreflight.refusals(balanceOnly, true)).isEmpty();
    assertThat(ServePreflight.refusals(withSelftest, true))
        .singleElement()
        .asString()
        .startsWith("flows selftest/echo collect card data");
  }

  @Test
  void anAdminEndpointBeyondLoopbackWithoutATokenIsRefused() {
    EngineConfig open =
        with(
            "TABULA_AMI_HOST", "pbx1.example",
            "TABULA_TENANTS_DIR", "/etc/tabula/tenants",
            "TABULA_ADMIN_ADDRESS", "0.0.0.0");

    assertThat(ServePreflight.refusals(open, false))
        .singleElement()
        .asString()
        .contains("admin.address is 0.0.0.0", "admin.tokenFile");
  }

  @Test
  void anUnreadableTokenFileIsRefusedBeforeAnythingStarts() {
    EngineConfig missingToken =
        with(
            "TABULA_AMI_HOST", "pbx1.example",
            "TABULA_TENANTS_DIR", "/etc/tabula/tenants",
            "TABULA_ADMIN_TOKEN_FILE", dir.resolve("no-such-token").toString());

    assertThat(ServePreflight.refusals(missingToken, false))
        .singleElement()
        .asString()
        .contains("cannot read admin.tokenFile", "openssl rand -hex 32");
  }
}

package io.tabula.engine.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example tenant files against the shipped flows, and what serve reports when flows and
 * tenant files disagree.
 */
class FlowConnectorCheckTest {

  static final Path EXAMPLES =
      Path.of(System.getProperty("tabula.repo.dir", "..")).resolve("examples/tenants");

  @TempDir Path dir;

  private final List<Flow> shipped = FlowConnectorCheck.shippedFlows();

  private TenantsConfig examples() {
    return TenantFiles.load(EXAMPLES, FileChecks.structureOnly());
  }

  /** The examples copied into the temp folder with replacements: file, from, to, file, from, to. */
  private TenantsConfig changed(String... edits) throws IOException {
    for (String name : List.of("city.yaml", "utility.yaml")) {
      String text = Files.readString(EXAMPLES.resolve(name));
      for (int i = 0; i < edits.length; i += 3) {
        if (edits[i].equals(name)) {
          assertThat(text).contains(edits[i + 1]);
          text = text.replace(edits[i + 1], edits[i + 2]);
        }
      }
      Files.writeString(dir.resolve(name), text);
    }
    return TenantFiles.load(dir, FileChecks.structureOnly());
  }

  @Test
  void theExampleTenantFilesParseAndDefineEveryConnectorTheShippedFlowsUse() {
    TenantsConfig config = examples();

    assertThat(shipped).hasSize(3);
    assertThat(config.lookupConnectors()).containsExactly("city-parking", "utility-billing");
    assertThat(config.paymentConnectors()).containsExactly("city-pay", "utility-pay");
    assertThat(FlowConnectorCheck.findings(shipped, config)).isEmpty();
    assertThat(FlowConnectorCheck.missingLookups(shipped, config)).isEmpty();
    assertThat(FlowConnectorCheck.missingPayments(shipped, config)).isEmpty();
  }

  @Test
  void theNewestPublishedVersionOfEachStoreFlowIsChecked() throws Exception {
    Path store = dir.resolve("store");
    FlowStore flows =
        new FlowStore(
            store,
            new FlowCompiler(
                new ConnectorCatalog(Set.of("city-parking", "city-db2"), Set.of("city-pay"))));
    Path source = store.resolve("city/parking-ticket.yaml");
    Files.createDirectories(source.getParent());
    String shippedText = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    Files.writeString(source, shippedText);
    flows.publish(source);
    Files.writeString(
        source, shippedText.replace("connector: city-parking", "connector: city-db2"));
    flows.publish(source);

    List<Flow> published = FlowConnectorCheck.storeFlows(store);

    assertThat(published).singleElement().extracting(Flow::name).isEqualTo("parking-ticket");
    assertThat(FlowConnectorCheck.findings(published, examples()))
        .singleElement()
        .asString()
        .startsWith("flow city/parking-ticket step 'find-ticket' (")
        .contains("000002.yaml:")
        .contains("uses lookup connector 'city-db2', which no tenant file defines");
    assertThat(FlowConnectorCheck.missingLookups(published, examples()))
        .containsExactly("city-db2");
  }

  @Test
  void aFlowNamingAnotherTenantsConnectorIsReported() throws IOException {
    TenantsConfig config =
        changed(
            "city.yaml",
            "connector: city-pay",
            "connector: city-pay-old",
            "utility.yaml",
            "connector: utility-pay",
            "connector: city-pay");

    assertThat(FlowConnectorCheck.findings(shipped, config))
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith("flow city/parking-ticket step ")
                    .contains(
                        "uses connector 'city-pay' of tenant 'utility'; calls of tenant 'city'"
                            + " are refused by it"));
  }

  @Test
  void aLookupNameTheTenantFileLacksIsReported() throws IOException {
    TenantsConfig config = changed("city.yaml", "    ticket:", "    tickets:");

    assertThat(FlowConnectorCheck.findings(shipped, config))
        .singleElement()
        .asString()
        .startsWith("flow city/parking-ticket step 'find-ticket' (city/parking-ticket.yaml:")
        .contains("asks lookup 'ticket' of 'city-parking', which the tenant file does not define");
  }

  @Test
  void anOutputTheColumnsDoNotMapIsReported() throws IOException {
    TenantsConfig config = changed("utility.yaml", "due_date: {date", "due: {date");

    assertThat(FlowConnectorCheck.findings(shipped, config))
        .hasSize(2)
        .allSatisfy(
            f -> assertThat(f).contains("expects outputs [due_date] from lookup 'account'"));
  }
}

package io.tabula.flows.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.store.ShippedFlowFiles;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schema editors use agrees with the shipped flows, and the jar carries the same files.
 */
class SchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema;

  private static synchronized JsonSchema schema() throws Exception {
    if (schema != null) {
      return schema;
    }
    JsonNode node =
        JSON.readTree(Files.readString(ShippedFlows.repo().resolve("flows/flow.schema.json")));
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    return schema;
  }

  private static Set<ValidationMessage> check(String yaml) throws Exception {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return schema().validate(JSON.valueToTree(loaded));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml"})
  void shippedFlowsMatchTheSchema(String file) throws Exception {
    assertThat(check(Files.readString(ShippedFlows.file(file)))).isEmpty();
  }

  @Test
  void theSchemaCatchesAMisspeltKey() throws Exception {
    String yaml =
        Files.readString(ShippedFlows.file("utility/balance.yaml"))
            .replace("max_digits: 5", "max_digit: 5");
    assertThat(check(yaml)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "city/parking-ticket.yaml",
        "utility/bill-payment.yaml",
        "utility/balance.yaml",
        "flow.schema.json"
      })
  void theJarCarriesTheRepositoryFiles(String file) throws Exception {
    assertThat(ShippedFlowFiles.readFromJar(file))
        .contains(Files.readString(ShippedFlows.repo().resolve("flows").resolve(file)));
  }

  @Test
  void theListOfShippedFlowsIsComplete() throws Exception {
    try (var walk = Files.walk(ShippedFlows.repo().resolve("flows"))) {
      assertThat(
              walk.filter(p -> p.toString().endsWith(".yaml"))
                  .map(p -> ShippedFlows.repo().resolve("flows").relativize(p).toString())
                  .sorted()
                  .toList())
          .containsExactlyElementsOf(ShippedFlowFiles.FLOWS.stream().sorted().toList());
    }
  }
}

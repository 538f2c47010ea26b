package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishers find the store where the engines' settings (file, then variables) put it. */
class StoreLocationTest {

  @TempDir Path dir;

  @Test
  void aFolderStoreIsReadFromNestedOrDottedKeys() throws Exception {
    Path nested = Files.write(dir.resolve("a.yaml"), List.of("flows:", "  store: /srv/flows"));
    Path dotted = Files.write(dir.resolve("b.yaml"), List.of("flows.store: /srv/flows"));

    assertThat(StoreLocation.fromEngineConfig(nested, Map.of()).folder())
        .contains(Path.of("/srv/flows"));
    assertThat(StoreLocation.fromEngineConfig(dotted, Map.of()).describe()).isEqualTo("/srv/flows");
  }

  @Test
  void theEnginesVariablesWinOverTheFileAsForTheEngine() throws Exception {
    Path file = Files.write(dir.resolve("t.yaml"), List.of("flows.store: /srv/flows"));
    Map<String, String> env =
        Map.of(
            "TABULA_FLOWS_STORE", "postgres",
            "TABULA_FLOWS_POSTGRES_URL", "postgresql://db.example/tabula_flows",
            "TABULA_FLOWS_POSTGRES_USER", "tabula_flows",
            "TABULA_FLOWS_POSTGRES_PASSWORD_FILE", "/run/secrets/flows-db",
            "TABULA_FLOWS_POSTGRES_CA_CERTIFICATE", "/run/secrets/ca.pem");

    StoreLocation location = StoreLocation.fromEngineConfig(file, env);

    assertThat(location.folder()).isEmpty();
    assertThat(location.describe()).isEqualTo("postgresql://db.example:5432/tabula_flows");
    assertThat(location.postgres().orElseThrow().passwordFile())
        .isEqualTo(Path.of("/run/secrets/flows-db"));
  }

  @Test
  void aFileWithoutAStoreOrWithAnIncompletePostgresOneSaysWhatToSet() throws Exception {
    Path none = Files.write(dir.resolve("n.yaml"), List.of("agi.port: 4573"));
    Path partial =
        Files.write(
            dir.resolve("p.yaml"),
            List.of("flows.store: postgres", "flows.postgres.url: postgresql://db/tabula_flows"));

    assertThatThrownBy(() -> StoreLocation.fromEngineConfig(none, Map.of()))
        .hasMessageContaining("sets no flows.store")
        .hasMessageContaining("--store DIR");
    assertThatThrownBy(() -> StoreLocation.fromEngineConfig(partial, Map.of()))
        .hasMessageContaining("not flows.postgres.user; set it");
  }
}

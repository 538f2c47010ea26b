package io.tabula.engine.docker;

import static io.tabula.engine.docker.StackFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.engine.cli.TabulaCommand;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.engine.config.RecordingMode;
import io.tabula.engine.tenant.FlowConnectorCheck;
import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.TenantFile;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.engine.tenant.config.TenantsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's engine configuration and tenant files, read by the engine's own loaders (this
 * is what checks them here, where Docker does not run): they parse, they define every connector the
 * shipped flows use, and with the certificates and secrets in place (the paths the containers see,
 * mapped to files made like docker/README.md makes them) the full file checks pass.
 */
class StackConfigLoadsTest {

  @TempDir Path made;

  @Test
  void theEngineConfigurationLoadsWithTheStacksSettings() {
    EngineConfig config = EngineConfigLoader.load(DOCKER.resolve("engine/tabula.yaml"), Map.of());

    assertThat(config.tenants().folder()).contains(Path.of("/etc/tabula/tenants"));
    assertThat(config.ami().host()).isEqualTo("asterisk");
    assertThat(config.ami().secretFile()).isEqualTo("/run/secrets/ami-secret");
  }

  @Test
  void theEngineConfigurationPassesEveryFailClosedCheck() {
    EngineConfig config = EngineConfigLoader.load(DOCKER.resolve("engine/tabula.yaml"), Map.of());

    // Secure flows are muted over AMI, tenants are real, the admin port beyond loopback has a
    // token.
    assertThat(config.ami().configured()).isTrue();
    assertThat(config.safeguards().recording()).isEqualTo(RecordingMode.MIXMONITOR);
    assertThat(config.safeguards().memoryProtections()).isEqualTo(MemoryProtectionPolicy.REQUIRED);
    assertThat(config.safeguards().selftestFlows()).isFalse();
    assertThat(config.tenants().configured()).isTrue();
    config.admin().requireAuthenticationBeyondLoopback();
  }

  @Test
  void theTenantFilesParseAndServeEveryConnectorOfTheShippedFlows() {
    TenantsConfig config = TenantFiles.load(DOCKER.resolve("tenants"), FileChecks.structureOnly());

    assertThat(config.tenants()).extracting(TenantFile::tenant).containsExactly("city", "utility");
    assertThat(config.lookupConnectors())
        .containsExactlyInAnyOrder("city-parking", "utility-billing");
    assertThat(config.paymentConnectors()).containsExactlyInAnyOrder("city-pay", "utility-pay");
    assertThat(FlowConnectorCheck.findings(FlowConnectorCheck.shippedFlows(), config)).isEmpty();
  }

  @Test
  void tabulaTenantsCheckAcceptsTheFolder() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        TabulaCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "tenants",
                "check",
                "--dir",
                DOCKER.resolve("tenants").toString(),
                "--structure-only");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 tenant file(s)", "no problems");
  }

  @Test
  void withTheCertificatesAndSecretsInPlaceTheFullFileChecksPass() throws IOException {
    Path certs = made.resolve("certs");
    assertThat(
            TabulaCommand.commandLine()
                .setOut(new PrintWriter(new StringWriter()))
                .execute(
                    ComposeStackFilesTest.readmeCertsCommand()
                        .replace("./tabula ", "")
                        .replace("docker/certs", certs.toString())
                        .split("\\s+")))
        .isZero();
    Path secrets = Files.createDirectories(made.resolve("secrets"));
    for (String name : ComposeStackFilesTest.readmeSecretNames()) {
      Files.writeString(secrets.resolve(name), "0123456789abcdef\n");
    }
    Path simulatorCa = Files.createDirectories(made.resolve("simulator-ca"));
    DevCertificateAuthority.create("simulator").writeCertificatePem(simulatorCa.resolve("ca.pem"));
    Path tenants = Files.createDirectories(made.resolve("tenants"));
    try (Stream<Path> files = Files.list(DOCKER.resolve("tenants"))) {
      for (Path file : files.toList()) {
        Files.writeString(
            tenants.resolve(file.getFileName()),
            Files.readString(file)
                .replace("/etc/tabula/certs/", certs + "/")
                .replace("/run/secrets/", secrets + "/")
                .replace("/etc/tabula/simulator-ca/", simulatorCa + "/"));
      }
    }

    TenantsConfig config = TenantFiles.load(tenants, FileChecks.full(Map.of()));

    assertThat(config.filesChecked()).isTrue();
    assertThat(config.tenants()).hasSize(2);
    assertThat(List.of(certs.resolve("ca.crt"), simulatorCa.resolve("ca.pem")))
        .allMatch(Files::exists);
  }
}

package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsPolicyTest {

  private static final TenantDatabaseConfig POSTGRES =
      TenantDatabaseConfig.postgresql(
          "t",
          "db.example",
          5432,
          "billing",
          "reader",
          "secret",
          TlsSettings.verifyServer(Path.of("/etc/tabula/ca.pem")));

  private static final DatabaseDialect MYSQL =
      new DatabaseDialect(
          "mysql",
          "com.mysql.cj.jdbc.Driver",
          "jdbc:mysql://{host}:{port}/{database}",
          Map.of("sslMode", "VERIFY_IDENTITY", "trustCertificateKeyStoreUrl", "file:/ca.p12"));

  @Test
  void postgresAlwaysGetsVerifyFullThroughTheVerifyingFactory() {
    ConnectionSettings settings = ConnectionSettings.of(POSTGRES);

    assertThat(settings.url()).isEqualTo("jdbc:postgresql://db.example:5432/billing");
    assertThat(settings.properties())
        .containsEntry("sslmode", "verify-full")
        .containsEntry("sslfactory", VerifiedTlsSocketFactory.class.getName())
        .containsEntry("sslrootcert", "/etc/tabula/ca.pem")
        .containsEntry("logServerErrorDetail", "false")
        .containsEntry("options", "-c statement_timeout=2000");
  }

  @ParameterizedTest
  @CsvSource({
    "sslmode,disable",
    "sslmode,verify-ca",
    "sslfactory,org.postgresql.ssl.NonValidatingFactory",
    "SSLROOTCERT,/tmp/x.pem",
    "sslhostnameverifier,x.AllowAll"
  })
  void postgresRefusesAnyTlsPropertyFromTheTenant(String key, String value) {
    assertThatThrownBy(
            () -> ConnectionSettings.of(POSTGRES.withExtraProperties(Map.of(key, value))))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("remove it");
  }

  @Test
  void otherDialectsNeedTlsPropertiesAndMayNotWeakenThem() {
    TenantDatabaseConfig mysql =
        new TenantDatabaseConfig(
            "t",
            MYSQL,
            "db",
            3306,
            "billing",
            "reader",
            "pw",
            POSTGRES.tls(),
            DatabaseLimits.defaults(),
            BreakerSettings.defaults(),
            Map.of(),
            Map.of());
    assertThatCode(() -> ConnectionSettings.of(mysql)).doesNotThrowAnyException();

    assertThatThrownBy(
            () -> ConnectionSettings.of(mysql.withExtraProperties(Map.of("sslMode", "REQUIRED"))))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining("sslMode=REQUIRED");
    assertThatThrownBy(
            () ->
                ConnectionSettings.of(
                    mysql.withExtraProperties(Map.of("trustServerCertificate", "true"))))
        .isInstanceOf(InsecureTlsConfigurationException.class);
    DatabaseDialect bare =
        new DatabaseDialect("sqlserver", "x.Driver", "jdbc:sqlserver://{host}:{port}", Map.of());
    assertThatThrownBy(
            () ->
                ConnectionSettings.of(
                    new TenantDatabaseConfig(
                        "t",
                        bare,
                        "db",
                        1433,
                        "billing",
                        "reader",
                        "pw",
                        POSTGRES.tls(),
                        DatabaseLimits.defaults(),
                        BreakerSettings.defaults(),
                        Map.of(),
                        Map.of())))
        .hasMessageContaining("tlsProperties is empty");
  }

  @Test
  void secretParametersAreRefusedWhereTheDriverWouldMakeAString() {
    assertThatThrownBy(
            () ->
                PreparedLookup.of(
                    io.tabula.connectors.embedded.DemoLookups.utilityBalance(), MYSQL))
        .hasMessageContaining("only the PostgreSQL connector");
  }

  @Test
  void neitherConfigNorParametersShowSecretsInToString() {
    assertThat(POSTGRES.toString()).doesNotContain("secret");
    assertThat(LookupParameters.builder().value("ticket", "PT100234").build().toString())
        .doesNotContain("PT100234")
        .contains("ticket");
    assertThat(new LookupParameter.Value("PT100234").toString()).doesNotContain("PT100234");
  }
}

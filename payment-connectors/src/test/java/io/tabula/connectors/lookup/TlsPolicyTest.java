package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
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
  void otherDialectsAreRefusedEvenWithVerifyingSettingsUntilTheirTlsIsTested() {
    TenantDatabaseConfig mysql = POSTGRES.withDialect(MYSQL);

    assertThatThrownBy(() -> ConnectionSettings.of(mysql))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining("dialect 'mysql'")
        .hasMessageContaining("only PostgreSQL");
    // A setting no list of bad values knows (Connector/J reads "no" as false) must not pass.
    assertThatThrownBy(
            () -> ConnectionSettings.of(mysql.withExtraProperties(Map.of("useSSL", "no"))))
        .isInstanceOf(InsecureTlsConfigurationException.class);
  }

  @Test
  void aDialectNamedPostgresqlWithAnotherDriverOrUrlIsNotPostgresql() {
    DatabaseDialect impostor =
        new DatabaseDialect(
            DatabaseDialect.POSTGRESQL,
            "com.mysql.cj.jdbc.Driver",
            "jdbc:mysql://{host}:{port}/{database}",
            Map.of());

    assertThatThrownBy(() -> ConnectionSettings.of(POSTGRES.withDialect(impostor)))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining("only PostgreSQL");
  }

  @ParameterizedTest
  @CsvSource({
    "options,-c statement_timeout=0",
    "socketTimeout,0",
    "socketFactory,x.PlainSocketFactory",
    "sslResponseTimeout,1",
    "SslMode,disable"
  })
  void postgresAcceptsOnlyKnownHarmlessExtraProperties(String key, String value) {
    assertThatThrownBy(
            () -> ConnectionSettings.of(POSTGRES.withExtraProperties(Map.of(key, value))))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining(key);
  }

  @Test
  void postgresTakesTheHarmlessExtraPropertiesAsGiven() {
    ConnectionSettings settings =
        ConnectionSettings.of(
            POSTGRES.withExtraProperties(Map.of("defaultRowFetchSize", "50", "readOnly", "true")));

    assertThat(settings.properties())
        .containsEntry("defaultRowFetchSize", "50")
        .containsEntry("readOnly", "true")
        .containsEntry("sslmode", "verify-full");
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

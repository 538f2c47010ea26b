package io.tabula.engine.tenant.config;

import static io.tabula.engine.tenant.config.TenantFolder.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.ResultColumn;
import io.tabula.flows.model.Diagnostic;
import io.tabula.masking.card.CardBrand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the tenant file loader, each with the line and column it reports. */
class TenantFilesTest {

  @TempDir Path dir;

  private TenantFolder folder() {
    return new TenantFolder(dir);
  }

  private TenantsConfig load() {
    return TenantFiles.load(dir, FileChecks.full(Map.of()));
  }

  private List<String> problems() {
    return problems(FileChecks.full(Map.of()));
  }

  private List<String> problems(FileChecks checks) {
    try {
      TenantFiles.load(dir, checks);
    } catch (TenantsConfigException e) {
      assertThat(e.getMessage()).doesNotContain(TenantFolder.DB_PASSWORD, "sk_test_loader");
      return e.problems().stream().map(Diagnostic::render).toList();
    }
    throw new AssertionError("the files loaded without problems");
  }

  @Test
  void theDocumentedFormatLoadsWithRelativePathsFromTheFilesFolderAndDefaults() {
    folder().city();

    TenantFile city = load().tenant("city").orElseThrow();

    var database = city.database().orElseThrow();
    assertThat(database.connector()).isEqualTo("city-parking");
    assertThat(database.config().port()).isEqualTo(5432);
    assertThat(database.config().password()).isEqualTo(TenantFolder.DB_PASSWORD);
    assertThat(database.config().tls().caCertificate()).isEqualTo(dir.resolve("certs/db-ca.pem"));
    assertThat(database.config().limits().statement()).isEqualTo(Duration.ofSeconds(2));
    LookupQuery ticket = database.config().lookups().get("ticket");
    assertThat(ticket.secretParameters()).containsExactly("ticket");
    assertThat(ticket.columns())
        .containsExactly(
            ResultColumn.money("balance", "amount_due", "currency"),
            ResultColumn.date("due_date", "due_date"));
    var payment = city.payment().orElseThrow();
    assertThat(payment.connector()).isEqualTo("city-pay");
    assertThat(payment.gateway().apiKey().location())
        .isEqualTo(dir.resolve("secrets/stripe-key").toString());
    assertThat(payment.gateway().trustedCaPem()).isEmpty();
    assertThat(payment.acceptedBrands())
        .isEqualTo(
            EnumSet.of(
                CardBrand.VISA,
                CardBrand.MASTERCARD,
                CardBrand.AMERICAN_EXPRESS,
                CardBrand.DISCOVER));
    assertThat(city.toString() + database + payment).doesNotContain(TenantFolder.DB_PASSWORD);
  }

  @Test
  void anUnknownKeyIsReportedWhereItIsWithTheClosestName() {
    Path file = folder().city("  host: db.city.example", "  hots: db.city.example");

    assertThat(problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(at(file, "hots:"))
                    .contains("unknown key 'hots' in database")
                    .contains("did you mean 'host'?"));
  }

  @Test
  void aMissingRequiredKeyIsReportedAtItsSection() {
    Path file = folder().city("  user: tabula_reader\n", "");

    assertThat(problems())
        .containsExactly(
            at(file, "connector: city-parking")
                + "database needs 'user'; fix: add 'user:' to database");
  }

  @Test
  void aBadDurationIsReportedAtItsValue() {
    Path file = folder().city("connect: 3s", "connect: 3 seconds");

    assertThat(problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(at(file, "3 seconds"))
                    .contains("'connect' in database.limits is not a duration")
                    .contains("500ms, 5s or 2m"));
  }

  @Test
  void limitsTheDatabaseRefusesAreReported() {
    Path file = folder().city("acquire: 1s", "acquire: 100ms");

    assertThat(problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith(at(file, "{connect")).contains("250 ms or more"));
  }

  @Test
  void aPlainHttpEndpointIsRefused() {
    Path file = folder().city("https://api.stripe.com", "http://api.stripe.com");

    assertThat(problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(at(file, "http://"))
                    .contains("not an https URL")
                    .contains("never travels over plain http"));
  }

  @Test
  void aMissingCaFileIsReportedWithItsResolvedPath() {
    Path file = folder().city("certs/db-ca.pem", "certs/missing.pem");

    assertThat(problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(at(file, "certs/missing.pem"))
                    .contains("the database CA certificate " + dir.resolve("certs/missing.pem"))
                    .contains("does not exist"));
  }

  @Test
  void anUnreadableOrEmptyPasswordFileIsReportedWithoutItsContent() {
    TenantFolder folder = folder();
    Path file = folder.city();
    folder.write("secrets/db-password", "\n");

    assertThat(problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(at(file, "secrets/db-password"))
                    .contains("password file " + dir.resolve("secrets/db-password") + " is empty"));

    folder.city("secrets/db-password", "secrets/nope");
    assertThat(problems()).singleElement().asString().contains("does not exist");
  }

  @Test
  void thePasswordComesFromExactlyOneSource() {
    TenantFolder folder = folder();
    Path both =
        folder.city(
            "  passwordFile: secrets/db-password\n",
            "  passwordFile: secrets/db-password\n  passwordEnv: CITY_DB_PASSWORD\n");
    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(both, "passwordEnv"))
        .contains("gives both passwordFile or passwordEnv");

    Path env =
        folder.city("  passwordFile: secrets/db-password\n", "  passwordEnv: CITY_DB_PASSWORD\n");
    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(env, "CITY_DB_PASSWORD"))
        .contains("CITY_DB_PASSWORD")
        .contains("is not set");
    assertThat(
            TenantFiles.load(dir, FileChecks.full(Map.of("CITY_DB_PASSWORD", "from-env")))
                .tenant("city")
                .flatMap(TenantFile::database)
                .orElseThrow()
                .config()
                .password())
        .isEqualTo("from-env");
  }

  @Test
  void aClientKeyStoreNeedsItsPassword() {
    TenantFolder folder = folder();
    folder.write("certs/client.p12", "p12");
    Path file =
        folder.city(
            "    caCertificate: certs/db-ca.pem\n",
            "    caCertificate: certs/db-ca.pem\n    clientKeyStore: certs/client.p12\n");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "caCertificate"))
        .contains("needs clientKeyStorePasswordFile or clientKeyStorePasswordEnv");
  }

  @Test
  void aCaFileThatHoldsNoCertificateIsReported() {
    TenantFolder folder = folder();
    Path file = folder.city("certs/db-ca.pem", "certs/not-a-ca.pem");
    folder.write("certs/not-a-ca.pem", "just text\n");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "certs/not-a-ca.pem"))
        .contains("holds no PEM certificate");
  }

  @Test
  void aClientKeyStoreMustOpenWithItsPasswordWhichIsNeverShown() {
    TenantFolder folder = folder();
    folder.clientKeyStore("certs/client.p12", "right-p12-password");
    folder.write("secrets/p12-password", "wrong-p12-password\n");
    String withKeyStore =
        "    caCertificate: certs/db-ca.pem\n    clientKeyStore: certs/client.p12\n"
            + "    clientKeyStorePasswordFile: secrets/p12-password\n";
    Path file = folder.city("    caCertificate: certs/db-ca.pem\n", withKeyStore);

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "certs/client.p12"))
        .contains("does not open as PKCS#12 with its password")
        .doesNotContain("right-p12-password", "wrong-p12-password");

    folder.write("secrets/p12-password", "right-p12-password\n");
    assertThat(load().tenant("city").flatMap(TenantFile::database).orElseThrow().config().tls())
        .satisfies(
            tls -> assertThat(tls.clientKeyStore()).contains(dir.resolve("certs/client.p12")))
        .satisfies(tls -> assertThat(tls.toString()).doesNotContain("right-p12-password"));
  }

  @Test
  void aSecretParameterMustAppearInTheSql() {
    Path file = folder().city("secretParameters: [ticket]", "secretParameters: [ticket, plate]");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "plate]"))
        .contains("secret parameter 'plate' does not appear in the SQL of lookup 'ticket'")
        .contains("use one of the SQL's parameters: :ticket");
  }

  @Test
  void anUnknownBrandIsReportedAtItsItem() {
    Path file = folder().city("[visa, mastercard, amex, discover]", "[visa, mastercad]");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "mastercad"))
        .contains("unknown card brand 'mastercad'")
        .contains("american_express");
  }

  @Test
  void anUnknownGatewayListsTheOnesOnTheClassPath() {
    Path file = folder().city("gateway: stripe", "gateway: strip");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "strip"))
        .contains("unknown gateway 'strip' (did you mean 'stripe'?)")
        .contains("use one of json, stripe");
  }

  @Test
  void anApiKeyMustBeAReferenceNotTheKey() {
    Path file = folder().city("file:secrets/stripe-key", "sk_live_abcdef");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(file, "sk_live_abcdef"))
        .contains("apiKey must be a reference")
        .doesNotContain("sk_live_abcdef:");
  }

  @Test
  void connectorNamesAreUniqueAcrossFiles() {
    TenantFolder folder = folder();
    Path city = folder.city();
    Path other =
        folder.write(
            "zoo.yaml",
            TenantFolder.CITY
                .replace("tenant: city", "tenant: zoo")
                .replace("city-pay", "zoo-pay"));

    assertThat(problems())
        .containsExactly(
            at(other, "city-parking")
                + "connector name 'city-parking' is already used at "
                + at(city, "city-parking").replace(": error: ", "")
                + "; fix: give each connector its own name; flows name exactly one tenant's"
                + " connector");
  }

  @Test
  void aNameUsedTwiceIsReportedEvenWhenTheFilesHaveOtherProblems() {
    TenantFolder folder = folder();
    folder.city("gateway: stripe", "gateway: nope");
    Path other = folder.write("zoo.yaml", "tenant: zoo\npayment:\n  connector: city-pay\n");

    assertThat(problems())
        .anySatisfy(p -> assertThat(p).contains("unknown gateway 'nope'"))
        .anySatisfy(p -> assertThat(p).contains("zoo.yaml").contains("needs 'endpoint'"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(at(other, "city-pay"))
                    .contains("connector name 'city-pay' is already used at"));
  }

  @Test
  void aTenantIdAppearsOnce() {
    TenantFolder folder = folder();
    Path city = folder.city();
    Path again =
        folder.write(
            "town.yaml", TenantFolder.CITY.replace("city-parking", "p2").replace("city-pay", "p3"));

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith(at(again, "city"))
        .contains(
            "tenant 'city' is already defined at " + at(city, "city").replace(": error: ", ""));
  }

  @Test
  void brokenYamlIsReportedAtTheLineWhereItBreaks() {
    Path file = folder().city("  host: db.city.example", "  host: [db.city.example");

    assertThat(problems())
        .singleElement()
        .asString()
        .contains(file + ":")
        .contains("not valid YAML");
  }

  @Test
  void everyProblemOfEveryFileIsReportedAtOnce() {
    TenantFolder folder = folder();
    folder.city("gateway: stripe", "gateway: nope");
    folder.write("water.yaml", "tenant: Water Co\npayment:\n  connector: water-pay\n");

    List<String> problems = problems();

    assertThat(problems).hasSize(5);
    assertThat(problems.getFirst()).contains("city.yaml").contains("unknown gateway 'nope'");
    assertThat(problems.subList(1, 5))
        .allSatisfy(p -> assertThat(p).contains("water.yaml"))
        .anySatisfy(p -> assertThat(p).contains("water.yaml:1:9").contains("tenant id 'Water Co'"))
        .anySatisfy(p -> assertThat(p).contains("needs 'gateway'"))
        .anySatisfy(p -> assertThat(p).contains("needs 'endpoint'"))
        .anySatisfy(p -> assertThat(p).contains("needs 'apiKey'"));
  }

  @Test
  void anEmptyOrMissingFolderIsAProblemNotASilentDemo() {
    assertThat(problems()).singleElement().asString().contains("holds no *.yaml or *.yml file");

    assertThatThrownBy(() -> TenantFiles.load(dir.resolve("none"), FileChecks.full(Map.of())))
        .isInstanceOf(TenantsConfigException.class)
        .hasMessageContaining("does not exist or is not a folder");
  }

  @Test
  void aTenantMayHaveOnlyADatabase() {
    folder()
        .write(
            "lookups-only.yaml",
            TenantFolder.CITY.substring(0, TenantFolder.CITY.indexOf("payment:")));

    TenantsConfig config = load();

    assertThat(config.lookupConnectors()).containsExactly("city-parking");
    assertThat(config.paymentConnectors()).isEmpty();
    assertThat(config.owner("city-parking")).isEqualTo(Optional.of("city"));
  }

  @Test
  void structureOnlyOpensNoFileAndReadsNoSecret() {
    folder().city("certs/db-ca.pem", "/nowhere/ca.pem");

    TenantsConfig config = TenantFiles.load(dir, FileChecks.structureOnly());

    assertThat(config.filesChecked()).isFalse();
    assertThat(config.lookupConnectors()).isEqualTo(Set.of("city-parking"));
  }
}

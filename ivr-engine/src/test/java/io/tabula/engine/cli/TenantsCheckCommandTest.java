package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.lookup.ConnectionProblem;
import io.tabula.engine.tenant.DatabaseCheck;
import io.tabula.engine.tenant.LiveTenants;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tabula tenants check}: file problems (exit 2), unreachable parts (exit 1), all good. */
class TenantsCheckCommandTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("tabula.repo.dir", "..")).resolve("examples/tenants");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tenants(String... args) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    all[0] = "tenants";
    all[1] = "check";
    System.arraycopy(args, 0, all, 2, args.length);
    return commandLine.execute(all);
  }

  @Test
  void everyProblemOfTheFilesIsListedLikeACompilerWithExit2() throws IOException {
    Files.writeString(
        dir.resolve("city.yaml"),
        "tenant: city\npayment:\n  connector: city-pay\n  gateway: stripe\n"
            + "  endpoint: http://pay.example\n  apiKey: file:key\n  acceptedBrands: [visa, vias]\n");

    assertThat(tenants("--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            dir.resolve("city.yaml")
                + ":5:13: error: endpoint http://pay.example is not an https URL")
        .contains(dir.resolve("city.yaml") + ":6:11: error: the API key file " + dir.resolve("key"))
        .contains(dir.resolve("city.yaml") + ":7:26: error: unknown card brand 'vias'")
        .contains("3 problem(s) in the tenant files");
  }

  @Test
  void aGatewayRefusingItsSettingsIsReportedOfflineAtItsPaymentSection() throws IOException {
    LiveTenants.get().write(dir);
    Path utility = dir.resolve("utility.yaml");
    Files.writeString(
        utility,
        Files.readString(utility).replace("gateway: stripe", "gateway: json")
            + "  settings:\n    body-template: '{\"amount\": {{amount_minor}}}'\n");

    assertThat(tenants("--dir", dir.toString(), "--offline")).isEqualTo(2);
    assertThat(err.toString())
        .contains(utility + ":")
        .contains("the json gateway refused its settings")
        .contains("{{pan}}");
  }

  @Test
  void theShippedExamplesPassTheStructureCheck() {
    assertThat(tenants("--dir", EXAMPLES.toString(), "--structure-only"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "city.yaml: tenant city, lookups city-parking [ticket], payments city-pay via stripe")
        .contains(
            "utility.yaml: tenant utility, lookups utility-billing [account], payments"
                + " utility-pay via json")
        .contains("2 tenant file(s)");
  }

  @Test
  void offlineTheShippedExamplesCheckCleanAndListTheSecretsToCreate() {
    assertThat(tenants("--dir", EXAMPLES.toString(), "--offline")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("2 tenant file(s) in " + EXAMPLES + ": no problems")
        .contains(
            EXAMPLES.resolve("city.yaml")
                + ":11:17: to create: the password file /run/secrets/city-db-password"
                + " (database.passwordFile)")
        .contains(
            EXAMPLES.resolve("utility.yaml")
                + ":9:16: to create: the environment variable UTILITY_DB_PASSWORD"
                + " (database.passwordEnv)")
        .contains("9 secret(s) and certificate(s) to create before tabula serve");
  }

  @Test
  void offlineASecretFileThatExistsButIsWrongIsStillAProblem() throws IOException {
    Path notACertificate = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    Files.writeString(
        dir.resolve("city.yaml"),
        Files.readString(EXAMPLES.resolve("city.yaml"))
            .replace("/etc/tabula/city-db-ca.pem", notACertificate.toString()));

    assertThat(tenants("--dir", dir.toString(), "--offline")).isEqualTo(2);
    assertThat(err.toString())
        .contains(dir.resolve("city.yaml") + ":13:20: error: the database CA certificate")
        .contains("holds no PEM certificate");
  }

  @Test
  void onlineEachDatabaseAndGatewayIsTriedWithAProgressLine() {
    LiveTenants.get().write(dir);

    assertThat(tenants("--dir", dir.toString())).as(out + "" + err).isZero();
    assertThat(out.toString())
        .containsPattern("\\[1/4\\] tenant city: database 127\\.0\\.0\\.1:\\d+ \\.\\.\\. ok")
        .containsPattern(
            "\\[2/4\\] tenant city: gateway city-pay at https://localhost:\\d+ \\.\\.\\. ok")
        .contains("[4/4] tenant utility: gateway utility-pay")
        .contains("4 check(s), 0 failed");
  }

  @Test
  void anUnreachableDatabaseFailsTheCheckWithExit1AndAdvice() throws IOException {
    LiveTenants live = LiveTenants.get();
    live.write(dir);
    int closedPort = live.pointDatabaseAtClosedPort(dir, "utility");

    assertThat(tenants("--dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "[3/4] tenant utility: database 127.0.0.1:"
                + closedPort
                + " ... FAILED: the"
                + " database does not accept connections")
        .contains("4 check(s), 1 failed");
  }

  @Test
  void aDatabaseThatNeverAnswersFailsNamingTheConnectLimit() throws Exception {
    LiveTenants live = LiveTenants.get();
    live.write(dir);
    try (StallingProxy silent = new StallingProxy(Integer.MAX_VALUE, 1)) {
      live.pointDatabaseAt(dir, "utility", silent.port());

      assertThat(tenants("--dir", dir.toString())).isEqualTo(1);
      assertThat(out.toString())
          .contains("[3/4] tenant utility: database 127.0.0.1:" + silent.port() + " ... FAILED:")
          .contains("did not complete the connection within database.limits.connect")
          .contains("(tried twice)")
          .doesNotContain("see the cause");
    }
  }

  @Test
  void aDatabaseCheckThatTimedOutIsTriedOnceMoreAndOtherProblemsAreNot() {
    // As on a cold JVM, where the first TLS connection loads and initialises classes for seconds.
    List<Optional<ConnectionProblem>> answers =
        new ArrayList<>(List.of(Optional.of(ConnectionProblem.TIMED_OUT), Optional.empty()));
    TenantsCheckCommand.Outcome retried =
        TenantsCheckCommand.database(() -> Optional.of(check(answers.removeFirst())));

    assertThat(answers).isEmpty();
    assertThat(retried.ok()).isTrue();
    assertThat(retried.line()).startsWith("ok (TLS verified; the first attempt timed out");

    answers.add(Optional.of(ConnectionProblem.LOGIN_FAILED));
    answers.add(Optional.empty());
    TenantsCheckCommand.Outcome refused =
        TenantsCheckCommand.database(() -> Optional.of(check(answers.removeFirst())));

    assertThat(answers).hasSize(1);
    assertThat(refused.line()).startsWith("FAILED: the database refused the login");
  }

  private static DatabaseCheck check(Optional<ConnectionProblem> problem) {
    return new DatabaseCheck(
        "utility",
        "utility-billing",
        "127.0.0.1:5432",
        problem,
        problem.map(p -> "PSQLException"),
        Instant.now());
  }

  @Test
  void theFolderCanComeFromTheEngineConfiguration() throws IOException {
    LiveTenants.get().write(dir);
    Path config =
        Files.writeString(dir.resolve("tabula.yml.conf"), "tenants:\n  dir: " + dir + "\n");

    assertThat(tenants("--config", config.toString(), "--offline")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 tenant file(s) in " + dir + ": no problems");
  }

  @Test
  void withoutAFolderItSaysWhereToGiveOne() {
    assertThat(tenants()).isEqualTo(2);
    assertThat(err.toString()).contains("give --dir DIR, or --config FILE");
  }
}

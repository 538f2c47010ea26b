package io.tabula.journal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.journal.DemoJournal;
import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalCalls;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import io.tabula.journal.crypto.JournalPublicKey;
import io.tabula.journal.crypto.PrivateKeyFile;
import io.tabula.masking.memory.CallMemoryPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code tabula journal} commands against the demo's journal (in a temporary demo home): a
 * journaled call is found, masked, opened with the key and a reason, and erased.
 */
class JournalCommandTest {

  @TempDir static Path home;

  private static Path keys;

  @BeforeAll
  static void journalOneCall() throws Exception {
    // As root the embedded server runs as nobody, who must pass through the test's folder.
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    System.setProperty(DemoJournalHome.PROPERTY, home.toString());
    Path config = DemoJournal.ensure();
    keys = config.getParent().resolve("keys");
    try (JournalRuntime journal =
            JournalRuntime.start(JournalConfig.read(config), new SimpleMeterRegistry());
        CallMemoryPool pool = FlowSimulator.smallPool()) {
      JournalCalls.call(
          pool,
          JournalCalls.flow("city/parking-ticket.yaml"),
          JournalCalls.PAID_PARKING_CALL,
          journal.capture());
      assertThat(journal.queue().awaitDrained(Duration.ofSeconds(30))).isTrue();
    }
  }

  @AfterAll
  static void forgetHome() {
    System.clearProperty(DemoJournalHome.PROPERTY);
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new JournalCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void searchFindsTheCallWithTheTicketMasked() {
    Run search = run("search", "--tenant", "city", "--ticket", "12345678");
    assertThat(search.status()).as(search.err()).isZero();
    assertThat(search.out())
        .contains("city/parking-ticket")
        .contains("approved, USD 45.00")
        .contains("Visa ending in 4242")
        .contains("ticket:   ******** (sealed to jk-")
        .doesNotContain("12345678")
        .doesNotContain("4242424242424242");
    assertThat(run("search", "--ticket", "1234567").status()).isEqualTo(1);
    assertThat(run("search", "--tenant", "city").err())
        .contains("give exactly one of --ticket N, --account N");
  }

  @Test
  void showOpensTheTicketWithThePrivateKeyAndAReasonOnly() {
    Run show =
        run(
            "show",
            "--key",
            keys.resolve("city.journal-key.pem").toString(),
            "--password-file",
            keys.resolve("demo-password").toString(),
            "--ticket",
            "12345678",
            "--reason",
            "ticket 4711: caller says paid");
    assertThat(show.status()).as(show.err()).isZero();
    assertThat(show.out()).contains("ticket:   12345678").contains("the request was logged");

    Run noReason =
        run(
            "show",
            "--key",
            keys.resolve("city.journal-key.pem").toString(),
            "--ticket",
            "12345678");
    assertThat(noReason.status()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");

    Run otherTenantsKey =
        run(
            "show",
            "--key",
            keys.resolve("utility.journal-key.pem").toString(),
            "--password-file",
            keys.resolve("demo-password").toString(),
            "--ticket",
            "12345678",
            "--reason",
            "curious");
    assertThat(otherTenantsKey.out()).doesNotContain("12345678");
  }

  @Test
  void eraseRemovesThatCallersRecordsOnly() throws Exception {
    try (JournalRuntime journal =
            JournalRuntime.start(
                JournalConfig.read(DemoJournalHome.config()), new SimpleMeterRegistry());
        CallMemoryPool pool = FlowSimulator.smallPool()) {
      JournalCalls.call(
          pool, JournalCalls.flow("city/parking-ticket.yaml"), "55555555# H", journal.capture());
      assertThat(journal.queue().awaitDrained(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(run("search", "--ticket", "55555555").status()).isZero();

    Run erase = run("erase", "--ticket", "55555555", "--reason", "GDPR request 2026-117");
    assertThat(erase.status()).as(erase.err()).isZero();
    assertThat(erase.out()).contains("city: 1 record(s) erased").contains("logged");
    assertThat(run("search", "--ticket", "55555555").status()).isEqualTo(1);
    assertThat(run("search", "--ticket", "12345678").status()).isZero();
  }

  @Test
  void keygenWritesAProtectedKeyAndTheLineForTheConfiguration(@TempDir Path out) throws Exception {
    Path password = out.resolve("pw");
    Files.writeString(password, "admin-password\n");
    Run keygen =
        run(
            "keygen",
            "--tenant",
            "water",
            "--out",
            out.resolve("keys").toString(),
            "--password-file",
            password.toString());
    assertThat(keygen.status()).as(keygen.err()).isZero();
    Path keyDir = out.resolve("keys");
    JournalPublicKey published =
        JournalPublicKey.parse(Files.readString(keyDir.resolve("water.journal-public-key")));
    assertThat(keygen.out()).contains("- " + published.text());
    assertThat(
            PrivateKeyFile.read(
                    keyDir.resolve("water.journal-key.pem"), "admin-password".toCharArray())
                .publicKey())
        .isEqualTo(published);
    assertThat(keyDir.resolve("water.search-key")).exists();
    // Never over an existing key: records sealed to it would be lost.
    assertThat(
            run(
                    "keygen",
                    "--tenant",
                    "water",
                    "--out",
                    keyDir.toString(),
                    "--password-file",
                    password.toString())
                .status())
        .isEqualTo(2);
  }
}

package io.tabula.ops.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.journal.DemoJournal;
import io.tabula.journal.cli.JournalCommand;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.role.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula journal ... --as LOGIN} against a journal configuration that names an access
 * database: the user signs in (password and a second factor), their role on the tenant decides, and
 * every access lands in the hash-chained audit trail before anything is shown. A rep searches and
 * re-identifies; an auditor counts; an admin of the tenant neither searches nor opens; a rep of
 * another tenant sees nothing of this one; with the trail unwritable nothing is shown.
 */
class JournalRolesCliTest {

  @TempDir static Path home;
  private static JournalAccessFixture f;

  @BeforeAll
  static void journalAndUsers() throws Exception {
    f = new JournalAccessFixture(home);
    f.user("rita", "city", Role.REP);
    f.user("otto", "utility", Role.REP);
    f.user("aude", "city", Role.AUDITOR);
    f.user("adam", "city", Role.ADMIN);
  }

  @AfterAll
  static void close() {
    if (f != null) {
      f.close();
    }
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String user, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--config",
            f.accessConfig.toString(),
            "--as",
            user,
            "--user-password-file",
            f.passwordFile(user).toString(),
            "--code",
            f.code(user)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new JournalCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  private static List<AuditEvent> journalTrail() {
    return f.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.action().code().startsWith("journal-"))
        .toList();
  }

  @Test
  void aRepFindsTheCallWithItsSealedValuesMaskedAndTheSearchIsInTheTrail() {
    Run search =
        run("rita", "search", "--tenant", "city", "--account", JournalAccessFixture.ACCOUNT);
    assertThat(search.status()).as(search.err()).isZero();
    assertThat(search.out())
        .contains("city/parking-ticket", "approved, USD 45.00", "********")
        .doesNotContain(JournalAccessFixture.TICKET, JournalAccessFixture.ACCOUNT);
    String recordId =
        search
            .out()
            .lines()
            .filter(l -> l.startsWith("Record "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    assertThat(journalTrail())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("rita");
              assertThat(e.action()).isEqualTo(AuditAction.JOURNAL_SEARCH);
              assertThat(e.tenant()).isEqualTo("city");
              assertThat(e.target()).isEqualTo("journal/account: " + recordId);
              assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
              assertThat(e.source()).startsWith("cli@");
            });
    assertThat(
            f.access.trailReader().all().stream().map(r -> r.event().target() + r.event().detail()))
        .noneMatch(text -> text.contains(JournalAccessFixture.ACCOUNT));
  }

  @Test
  void aRepReIdentifiesWithTheKeyAndAReasonAndTheRequestIsInTheTrailWithItsReason()
      throws Exception {
    Path key = f.keys.resolve("city.journal-key.pem");
    Path keyPassword = f.home.resolve("key-password");
    Files.writeString(keyPassword, DemoJournal.PASSWORD);
    Run show =
        run(
            "rita",
            "show",
            "--key",
            key.toString(),
            "--password-file",
            keyPassword.toString(),
            "--reason",
            "ticket 4711: says paid",
            "--account",
            JournalAccessFixture.ACCOUNT);
    assertThat(show.status()).as(show.err()).isZero();
    assertThat(show.out()).contains("ticket:   " + JournalAccessFixture.TICKET);
    assertThat(journalTrail())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("rita");
              assertThat(e.action()).isEqualTo(AuditAction.JOURNAL_REIDENTIFY);
              assertThat(e.detail()).isEqualTo("1 record(s); reason: ticket 4711: says paid");
            });
  }

  @Test
  void aRepOfAnotherTenantIsRefusedAndTheRefusalIsInTheTrail() {
    Run search =
        run("otto", "search", "--tenant", "city", "--account", JournalAccessFixture.ACCOUNT);
    assertThat(search.status()).isEqualTo(3);
    assertThat(search.err()).contains("otto may not search in the journal of tenant city");
    assertThat(search.out()).doesNotContain("parking-ticket");
    assertThat(journalTrail())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("otto");
              assertThat(e.tenant()).isEqualTo("city");
              assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            });
  }

  @Test
  void anAuditorCountsButNeitherSearchesNorOpens() {
    Run count = run("aude", "count", "--tenant", "city");
    assertThat(count.status()).as(count.err()).isZero();
    assertThat(count.out()).contains("city: 1 record(s)");
    Run search =
        run("aude", "search", "--tenant", "city", "--account", JournalAccessFixture.ACCOUNT);
    assertThat(search.status()).isEqualTo(3);
    assertThat(search.out()).doesNotContain("parking-ticket");
    assertThat(journalTrail())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("aude");
              assertThat(e.action()).isEqualTo(AuditAction.JOURNAL_COUNT);
            });
  }

  @Test
  void anAdminOfTheTenantNeitherSearchesNorCounts() {
    for (String command : List.of("search", "count")) {
      Run run =
          command.equals("search")
              ? run("adam", command, "--tenant", "city", "--account", JournalAccessFixture.ACCOUNT)
              : run("adam", command, "--tenant", "city");
      assertThat(run.status()).as(command).isEqualTo(3);
      assertThat(run.out()).as(command).doesNotContain("parking-ticket", "record(s)");
    }
  }

  @Test
  void aWrongSecondFactorIsRefusedBeforeAnything() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new JournalCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "search",
                "--config",
                f.accessConfig.toString(),
                "--tenant",
                "city",
                "--account",
                JournalAccessFixture.ACCOUNT,
                "--as",
                "rita",
                "--user-password-file",
                f.passwordFile("rita").toString(),
                "--code",
                "000000");
    assertThat(status).isEqualTo(3);
    assertThat(err.toString()).contains("sign-in of rita was refused");
    assertThat(out.toString()).doesNotContain("parking-ticket");
  }

  @Test
  void withTheTrailUnwritableTheSearchShowsNothing() throws Exception {
    try (Connection superuser = AccessTestDatabase.superuser(f.dbSettings.database());
        Statement s = superuser.createStatement()) {
      s.execute("revoke insert on audit_trail from " + f.dbSettings.user());
      try {
        Run search =
            run("rita", "search", "--tenant", "city", "--account", JournalAccessFixture.ACCOUNT);
        assertThat(search.status()).isEqualTo(2);
        assertThat(search.err()).contains("audit trail");
        assertThat(search.out()).doesNotContain("parking-ticket", "********");
      } finally {
        s.execute("grant insert on audit_trail to " + f.dbSettings.user());
      }
    }
  }

  @Test
  void onlyAnAdminRegistersANewKeyAndTheRotationIsInTheTrail() throws Exception {
    Path out = f.home.resolve("rotated");
    Path keyPassword = f.home.resolve("new-key-password");
    Files.writeString(keyPassword, "a-new-key-password-1");
    int made =
        new CommandLine(new JournalCommand())
            .setOut(new PrintWriter(new StringWriter()))
            .execute(
                "keygen",
                "--tenant",
                "city",
                "--out",
                out.toString(),
                "--password-file",
                keyPassword.toString());
    assertThat(made).isZero();
    Path publicKey = out.resolve("city.journal-public-key");
    String line = Files.readString(publicKey).strip();
    String before = Files.readString(f.accessConfig);

    Run byRep =
        run("rita", "register-key", "--tenant", "city", "--public-key", publicKey.toString());
    assertThat(byRep.status()).isEqualTo(3);
    assertThat(Files.readString(f.accessConfig)).isEqualTo(before);

    Run byAdmin =
        run("adam", "register-key", "--tenant", "city", "--public-key", publicKey.toString());
    assertThat(byAdmin.status()).as(byAdmin.err()).isZero();
    String id = line.substring(0, line.indexOf(':'));
    assertThat(
            io.tabula.journal.JournalConfig.read(f.accessConfig)
                .tenants()
                .get("city")
                .publicKeys()
                .getLast()
                .id())
        .isEqualTo(id);
    assertThat(Files.readString(f.accessConfig)).contains("access:", "utility:");
    assertThat(journalTrail())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("adam");
              assertThat(e.action()).isEqualTo(AuditAction.JOURNAL_KEY_CHANGE);
              assertThat(e.detail()).isEqualTo("register " + id);
            });
  }
}

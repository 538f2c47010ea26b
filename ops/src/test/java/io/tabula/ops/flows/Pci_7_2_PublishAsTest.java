package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.role.Role;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * PCI DSS 7.2 / 8.4.2 / 10.2 for the command line: {@code flows publish --as LOGIN} signs the
 * account in (password and authenticator code on standard input here, as CI pipes them), needs the
 * publisher role on the flow's tenant, and records the attempt before the version goes live and its
 * outcome after; a trail that cannot be written publishes nothing; without {@code --as} it
 * publishes as before, saying nothing is checked.
 */
class Pci_7_2_PublishAsTest {

  private static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", ".."));
  private static final String PASSWORD = "publish-from-cli-42";

  @TempDir Path temp;
  @TempDir Path sounds;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aPublisherOfTheTenantPublishesAndTheTrailHoldsTheAttemptThenTheOutcome() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);

      int exit = publishAs(f, "ana", PASSWORD + "\n" + code(secret) + "\n");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(store().resolve(".published/city/parking-ticket/000001.yaml")).exists();
      List<AuditEvent> publishes = events(f, AuditAction.PUBLISH);
      assertThat(publishes)
          .extracting(AuditEvent::outcome)
          .containsExactly(Outcome.ATTEMPT, Outcome.SUCCESS);
      assertThat(publishes).allSatisfy(e -> assertThat(e.actor()).isEqualTo("ana"));
      assertThat(publishes).allSatisfy(e -> assertThat(e.tenant()).isEqualTo("city"));
      assertThat(publishes.getLast().detail()).isEqualTo("version=1");
    }
  }

  @Test
  void aPasswordAndCodePipedWithWindowsLineEndsSignIn() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);

      int exit = publishAs(f, "ana", PASSWORD + "\r\n" + code(secret) + "\r\n");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(store().resolve(".published/city/parking-ticket/000001.yaml")).exists();
    }
  }

  @Test
  void anEditorIsRefusedAndTheRefusalIsRecorded() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ed", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ed", "city", Role.EDITOR);

      int exit = publishAs(f, "ed", PASSWORD + "\n" + code(secret) + "\n");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString()).contains("may not publish on tenant city", "publisher role");
      assertThat(store().resolve(".published")).doesNotExist();
      assertThat(events(f, AuditAction.ACCESS_DENIED)).hasSize(1);
    }
  }

  @Test
  void withTwoPersonPublishingTheLastSaverOfTheDraftIsRefusedAndAnotherPublisherPublishes()
      throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] anaSecret = f.createEnrolled("ana", PASSWORD);
      byte[] boSecret = f.createEnrolled("bo", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);
      f.access.admin().grant(AccessFixture.ADMIN, "bo", "city", Role.PUBLISHER);
      f.access.tenantSettings().setTwoPersonPublishing(AccessFixture.ADMIN, "city", true);
      f.recordDraftSave("ana", "city", "parking-ticket");

      int refused = publishAs(f, "ana", PASSWORD + "\n" + code(anaSecret) + "\n");

      assertThat(refused).isEqualTo(1);
      assertThat(err.toString())
          .contains("two-person publishing is on for city")
          .contains("ask another publisher of city to publish it");
      assertThat(store().resolve(".published")).doesNotExist();
      assertThat(events(f, AuditAction.ACCESS_DENIED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo("ana");
                assertThat(e.tenant()).isEqualTo("city");
                assertThat(e.detail()).isEqualTo("two-person-own-draft");
              });
      assertThat(events(f, AuditAction.PUBLISH)).isEmpty();

      int published = publishAs(f, "bo", PASSWORD + "\n" + code(boSecret) + "\n");

      assertThat(published).as(err.toString()).isZero();
      assertThat(store().resolve(".published/city/parking-ticket/000001.yaml")).exists();
    }
  }

  @Test
  void withTwoPersonPublishingOffTheLastSaverPublishes() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);
      f.access.tenantSettings().setTwoPersonPublishing(AccessFixture.ADMIN, "utility", true);
      f.recordDraftSave("ana", "city", "parking-ticket");

      int exit = publishAs(f, "ana", PASSWORD + "\n" + code(secret) + "\n");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(store().resolve(".published/city/parking-ticket/000001.yaml")).exists();
    }
  }

  @Test
  void aWrongCodeIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);
      int wrong = (Integer.parseInt(code(secret)) + 1) % 1_000_000;

      int exit = publishAs(f, "ana", PASSWORD + "\n" + AccessFixture.sixDigits(wrong) + "\n");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString()).contains("sign-in as ana refused");
      assertThat(store().resolve(".published")).doesNotExist();
    }
  }

  @Test
  void whenTheTrailCannotBeWrittenNothingIsPublished() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      byte[] secret = f.createEnrolled("ana", PASSWORD);
      f.access.admin().grant(AccessFixture.ADMIN, "ana", "city", Role.PUBLISHER);
      // The sign-in's own record goes in; the trail breaks only for publish records.
      try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
          Statement s = c.createStatement()) {
        s.execute(
            "create function no_publish() returns trigger language plpgsql as $$ begin if"
                + " new.action = 'publish' then raise exception 'trail broken by the test'; end if;"
                + " return new; end; $$");
        s.execute(
            "create trigger no_publish before insert on audit_trail for each row execute"
                + " function no_publish()");
      }

      int exit = publishAs(f, "ana", PASSWORD + "\n" + code(secret) + "\n");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString())
          .contains("audit trail cannot be written, so nothing was published");
      assertThat(store().resolve(".published/city/parking-ticket/000001.yaml")).doesNotExist();
    }
  }

  @Test
  void withoutAsItPublishesAsBeforeAndSaysNothingIsChecked() throws Exception {
    Path file = flow();
    CommandLine command = new CommandLine(new FlowsCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));

    int exit =
        command.execute(
            "publish", file.toString(), "--store", store().toString(), "--sounds", soundsFor(file));

    assertThat(exit).isZero();
    assertThat(err.toString()).contains("without access control");
  }

  private int publishAs(AccessFixture f, String login, String stdin) throws Exception {
    Path file = flow();
    PublishFlowCommand publish = new PublishFlowCommand();
    publish.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CommandLine command = new CommandLine(publish);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    var db = f.dbSettings;
    List<String> args =
        new ArrayList<>(
            List.of(
                file.toString(),
                "--store",
                store().toString(),
                "--sounds",
                soundsFor(file),
                "--as",
                login,
                "--totp-key",
                f.totpKey.toString(),
                "--db-host",
                db.host(),
                "--db-port",
                Integer.toString(db.port()),
                "--db-name",
                db.database(),
                "--db-user",
                db.user(),
                "--db-password-file",
                db.passwordFile().toString(),
                "--db-ca",
                db.caCertificate().toString()));
    return command.execute(args.toArray(String[]::new));
  }

  /** The code the app shows now: the CLI checks codes against the real clock. */
  private static String code(byte[] secret) {
    return AccessFixture.sixDigits(Totp.standard().code(secret, Totp.step(Instant.now())));
  }

  private static List<AuditEvent> events(AccessFixture f, AuditAction action) {
    return f.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.action() == action)
        .toList();
  }

  private Path store() {
    return temp.resolve("store");
  }

  private Path flow() throws Exception {
    Path file = temp.resolve("city").resolve("parking-ticket.yaml");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.copy(REPO.resolve("flows/city/parking-ticket.yaml"), file);
    }
    return file;
  }

  private String soundsFor(Path file) throws Exception {
    var flow =
        io.tabula.flows.parse.FlowParser.parse(file.toString(), Files.readString(file))
            .flow()
            .orElseThrow();
    for (var prompt : io.tabula.ops.prompts.PlayedPrompt.of(flow)) {
      Path wav = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      Files.createDirectories(wav.getParent());
      Files.write(wav, new byte[] {1});
    }
    return sounds.toString();
  }
}

package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCI DSS 10.2.1 and fail closed: a publish, a roll-back and a draft save are recorded in the audit
 * trail as an attempt before they happen, and their outcome after; when the trail cannot be written
 * the change does not happen and the page says why.
 */
class Pci_10_2_PublishRecordedFirstTest {

  @TempDir Path folder;
  private ConsoleFixture console;
  private ConsoleClient client;

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(folder, List.of());
    client = new ConsoleClient(console);
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void aPublishTheTrailCannotRecordDoesNotHappen() throws Exception {
    String csrf = client.login("publisher");
    saveChangedDraft(csrf);

    trailRefusesInserts(true);
    HttpResponse<String> refused =
        client.post(
            "/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "while broken"));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("audit trail", "nothing was changed");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");

    HttpResponse<String> rollback =
        client.post("/flows/city/parking-ticket/rollback", Map.of("_csrf", csrf, "version", "1"));
    assertThat(rollback.statusCode()).isEqualTo(503);
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");
  }

  @Test
  void aDraftSaveTheTrailCannotRecordLeavesTheDraftAsItWas() throws Exception {
    String csrf = client.login("editor");
    String before = Files.readString(console.draft());

    trailRefusesInserts(true);
    HttpResponse<String> refused =
        client.post(
            "/flows/city/parking-ticket/draft",
            Map.of("_csrf", csrf, "yaml", before.replace("Welcome", "Hello")));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(Files.readString(console.draft())).isEqualTo(before);
  }

  @Test
  void aPublishIsRecordedAsAnAttemptBeforeAndItsOutcomeAfter() throws Exception {
    String csrf = client.login("publisher");
    saveChangedDraft(csrf);

    HttpResponse<String> published =
        client.post(
            "/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "new welcome"));

    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(console.publishedVersions()).containsExactly("000001.yaml", "000002.yaml");
    List<AuditEvent> publishes =
        console.access.trailReader().all().stream()
            .map(AuditRecord::event)
            .filter(e -> e.action() == AuditAction.PUBLISH)
            .toList();
    assertThat(publishes)
        .extracting(AuditEvent::outcome)
        .containsExactly(Outcome.ATTEMPT, Outcome.SUCCESS);
    assertThat(publishes).allSatisfy(e -> assertThat(e.actor()).isEqualTo("publisher"));
    assertThat(publishes.getLast().detail()).isEqualTo("version=2");
  }

  private void saveChangedDraft(String csrf) throws Exception {
    assertThat(console.saveChangedDraft(client, csrf).statusCode()).isEqualTo(303);
  }

  /** Makes every insert into the trail fail, as a full disk or a revoked grant would. */
  private void trailRefusesInserts(boolean refuse) throws Exception {
    try (Connection admin = AccessTestDatabase.superuser(console.databaseSettings.database());
        Statement s = admin.createStatement()) {
      if (refuse) {
        s.execute(
            "create function trail_broken() returns trigger language plpgsql as $$"
                + " begin raise exception 'trail broken by the test'; end; $$");
        s.execute(
            "create trigger trail_broken before insert on audit_trail"
                + " for each row execute function trail_broken()");
      } else {
        s.execute("drop trigger trail_broken on audit_trail");
      }
    }
  }
}

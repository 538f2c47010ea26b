package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.role.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCI DSS 10.2 / 10.3.1 / 10.3.2 in the console: auditors (and admins) of a tenant read its trail
 * with filters, a page at a time, verify the chain as {@code tabula audit trail verify} does, and
 * export JSON lines (recorded as an export); nobody else sees the page or its link, and nothing of
 * another tenant shows.
 */
class Pci_10_2_TrailPageTest {

  @TempDir Path folder;
  private ConsoleFixture console;
  private ConsoleClient client;

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(folder, List.of());
    client = new ConsoleClient(console);
    console.createEnrolled("cityaudit");
    console.access.admin().grant(ConsoleFixture.SETUP, "cityaudit", "city", Role.AUDITOR);
    for (int i = 1; i <= 60; i++) {
      publish("city", "ana", "parking-ticket@v" + i);
    }
    publish("utility", "bo", "bill-payment@v9");
    console.access.trail().checkpoint();
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void anEditorGets403AndNoLink() throws Exception {
    client.login("editor");

    assertThat(client.get("/flows").body()).doesNotContain("/trail");
    HttpResponse<String> refused = client.get("/trail");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("auditor role");
    AuditEvent last = console.access.trailReader().all().getLast().event();
    assertThat(last.action()).isEqualTo(AuditAction.ACCESS_DENIED);
    assertThat(last.detail()).isEqualTo("needs-read-audit-trail");
    assertThat(client.get("/trail/export").statusCode()).isEqualTo(403);
  }

  @Test
  void anAuditorOfCitySeesCityFilteredAndPagedAndNothingOfUtility() throws Exception {
    client.login("cityaudit");

    assertThat(client.get("/flows").body()).contains("href=\"/trail\"");
    String first = client.get("/trail?action=publish&who=ana").body();
    assertThat(count(first, "parking-ticket@v")).isEqualTo(TrailPages.PAGE_SIZE);
    assertThat(first).contains("parking-ticket@v60").doesNotContain("bill-payment", ">bo<");
    String older = link(first, "older");
    String second = client.get(older).body();
    assertThat(count(second, "parking-ticket@v")).isEqualTo(10);
    assertThat(second).contains("parking-ticket@v1<").doesNotContain("id=\"older\"");

    assertThat(client.get("/trail?tenant=utility").body())
        .contains("You audit no tenant called that")
        .doesNotContain("bill-payment");
    assertThat(client.get("/trail?outcome=failure&action=publish").body()).contains("id=\"empty\"");
  }

  @Test
  void theExportSendsJsonLinesOfTheFilterAndIsRecorded() throws Exception {
    client.login("cityaudit");

    HttpResponse<String> export = client.get("/trail/export?action=publish");

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/x-ndjson");
    List<String> lines = export.body().lines().toList();
    assertThat(lines).hasSize(60);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l).startsWith("{\"seq\":").contains("\"tenant\":\"city\""));
    AuditEvent last = console.access.trailReader().all().getLast().event();
    assertThat(last.action()).isEqualTo(AuditAction.EXPORT);
    assertThat(last.actor()).isEqualTo("cityaudit");
    assertThat(last.detail()).isEqualTo("records=60,tenants=city");
  }

  @Test
  void verifyNamesTheFirstBrokenRecordAndMarksEachRecordsChainStatus() throws Exception {
    client.login("cityaudit");
    assertThat(client.get("/trail?verify=1&action=publish").body())
        .contains("The trail is intact", "intact, signed");

    long edited = seqOf("parking-ticket@v30");
    try (Connection c = AccessTestDatabase.superuser(console.databaseSettings.database());
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.execute("update audit_trail set actor = 'someone-else' where seq = " + edited);
    }
    String page = client.get("/trail?verify=1&action=publish").body();

    assertThat(page)
        .contains("BROKEN at record " + edited, "broken here", "after the break: not trusted");
  }

  private long seqOf(String target) {
    return console.access.trailReader().all().stream()
        .filter(r -> r.event().target().equals(target))
        .mapToLong(AuditRecord::seq)
        .findFirst()
        .orElseThrow();
  }

  private void publish(String tenant, String who, String target) {
    console
        .access
        .trail()
        .record(
            new AuditEvent(
                who, AuditAction.PUBLISH, tenant, target, "192.0.2.1", Outcome.SUCCESS, ""));
  }

  private static int count(String page, String needle) {
    return page.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  private static String link(String page, String id) {
    var m = java.util.regex.Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a link #" + id).isTrue();
    return m.group(1).replace("&amp;", "&");
  }
}

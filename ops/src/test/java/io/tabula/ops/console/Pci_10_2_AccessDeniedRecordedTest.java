package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.access.session.Cidr;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCI DSS 10.2.1.1 / 10.2.2: every request the console refuses is in the audit trail as {@code
 * access-denied}: who, what (method and path, never the body), which tenant, where from, and why.
 * The console runs behind a trusted proxy (127.0.0.1) here, so the recorded address is the one the
 * proxy forwards.
 */
class Pci_10_2_AccessDeniedRecordedTest {

  private static final Map<String, String> FROM_OFFICE = Map.of("X-Forwarded-For", "198.51.100.7");

  @TempDir Path folder;
  private ConsoleFixture console;
  private ConsoleClient client;

  @BeforeEach
  void start() throws Exception {
    console =
        new ConsoleFixture(
            folder,
            List.of(),
            settings -> settings.withTrustedProxies(List.of(Cidr.parse("127.0.0.1/32"))));
    client = new ConsoleClient(console);
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void aPublishRefusedForWantOfTheRoleIsRecordedWithoutTheRequestBody() throws Exception {
    String csrf = client.login("editor");

    HttpResponse<String> refused =
        client.post(
            "/flows/city/parking-ticket/publish",
            Map.of("_csrf", csrf, "note", "secret-note-4111"),
            FROM_OFFICE);

    assertThat(refused.statusCode()).isEqualTo(403);
    AuditEvent denied = lastDenied();
    assertThat(denied.actor()).isEqualTo("editor");
    assertThat(denied.tenant()).isEqualTo("city");
    assertThat(denied.target()).isEqualTo("POST /flows/city/parking-ticket/publish");
    assertThat(denied.source()).isEqualTo("198.51.100.7");
    assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(denied.detail()).isEqualTo("needs-publish");
    assertThat(console.access.trailReader().all())
        .allSatisfy(r -> assertThat(r.event().toString()).doesNotContain("secret-note", "4111"));
  }

  @Test
  void aFlowOfATenantWithoutARoleAnswers404AndIsRecordedAsDenied() throws Exception {
    console.createEnrolled("cityonly");
    console.access.admin().grant(ConsoleFixture.SETUP, "cityonly", "city", Role.VIEWER);
    client.login("cityonly");

    HttpResponse<String> hidden = client.get("/flows/utility/bill-payment");

    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(RefusedRequest.NO_SUCH_FLOW);
    AuditEvent denied = lastDenied();
    assertThat(denied.actor()).isEqualTo("cityonly");
    assertThat(denied.tenant()).isEqualTo("utility");
    assertThat(denied.detail()).isEqualTo("no-role-on-tenant");
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRecordedAsDenied() throws Exception {
    client.login("editor");

    HttpResponse<String> refused =
        client.post("/flows/city/parking-ticket/draft", Map.of("yaml", "flow: nothing"));

    assertThat(refused.statusCode()).isEqualTo(403);
    AuditEvent denied = lastDenied();
    assertThat(denied.actor()).isEqualTo("editor");
    assertThat(denied.target()).isEqualTo("POST /flows/city/parking-ticket/draft");
    assertThat(denied.detail()).isEqualTo("csrf-token-mismatch");
  }

  @Test
  void aRequestOnASessionEndedByIdleTimeIsRecordedAsDenied() throws Exception {
    client.login("viewer");
    console.clock.advance(Duration.ofMinutes(16));

    HttpResponse<String> answer = client.get("/flows");

    assertThat(answer.statusCode()).isEqualTo(303);
    AuditEvent denied = lastDenied();
    assertThat(denied.actor()).isEqualTo("viewer");
    assertThat(denied.target()).isEqualTo("GET /flows");
    assertThat(denied.detail()).isEqualTo("session-ended-idle");
  }

  @Test
  void aSignInFromOutsideTheAccountsAllowListSaysSoAndIsRecorded() throws Exception {
    console.createEnrolled("office");
    console.access.admin().grant(ConsoleFixture.SETUP, "office", "city", Role.VIEWER);
    long id = console.access.accounts().require("office").id();
    console.access.accounts().setAllowedNetworks(id, List.of("192.0.2.0/24"));

    String csrf = ConsoleClient.csrf(client.get("/login").body());
    HttpResponse<String> refused =
        client.post(
            "/login",
            Map.of(
                "_csrf",
                csrf,
                "username",
                "office",
                "password",
                new String(ConsoleFixture.password("office")),
                "code",
                console.code("office")),
            FROM_OFFICE);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("198.51.100.7", "is not allowed for this account");
    AuditEvent last = console.access.trailReader().all().getLast().event();
    assertThat(last.action()).isEqualTo(AuditAction.SIGN_IN_FAILURE);
    assertThat(last.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(last.source()).isEqualTo("198.51.100.7");
    assertThat(last.detail()).isEqualTo("address-not-allowed");
  }

  private AuditEvent lastDenied() {
    List<AuditEvent> denied =
        console.access.trailReader().all().stream()
            .map(AuditRecord::event)
            .filter(e -> e.action() == AuditAction.ACCESS_DENIED)
            .toList();
    assertThat(denied).as("access-denied records").isNotEmpty();
    return denied.getLast();
  }
}

package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCI DSS 7.2 separation of duties, issue 20's two-person publishing in the console: where a
 * tenant's admins turn it on ({@code tabula users tenant city --two-person-publishing on}), the
 * user who saved a flow's draft last is refused its publish (403, recorded as {@code
 * access-denied}, the page saying to ask another publisher), and another publisher publishes it.
 */
class Pci_7_2_TwoPersonPublishingTest {

  private static final String PUBLISH = "/flows/city/parking-ticket/publish";

  @TempDir Path folder;
  private ConsoleFixture console;

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(folder, List.of());
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void whenOnTheLastSaverIsRefusedAndAnotherPublisherPublishes() throws Exception {
    HttpResponse<String> refused = publisherPublishesTheirOwnDraftWithTheRuleOnFor("city");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("two-person publishing is on for city")
        .contains("ask another publisher of city to publish it");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");
    AuditEvent denied = last(AuditAction.ACCESS_DENIED);
    assertThat(denied.actor()).isEqualTo("publisher");
    assertThat(denied.tenant()).isEqualTo("city");
    assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(denied.detail()).isEqualTo("two-person-own-draft");
    assertThat(events(AuditAction.PUBLISH)).isEmpty();

    ConsoleClient reviewer = new ConsoleClient(console);
    String reviewerCsrf = reviewer.login("admin");
    HttpResponse<String> published =
        reviewer.post(PUBLISH, Map.of("_csrf", reviewerCsrf, "note", "reviewed"));

    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(console.publishedVersions()).containsExactly("000001.yaml", "000002.yaml");
  }

  @Test
  void offForTheTenantTheSaverPublishesTheirOwnDraft() throws Exception {
    // On for another tenant only: city's publishers are not bound by it.
    HttpResponse<String> published = publisherPublishesTheirOwnDraftWithTheRuleOnFor("utility");

    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(console.publishedVersions()).containsExactly("000001.yaml", "000002.yaml");
  }

  @Test
  void whenOnThePublishPageTellsTheLastSaverAnotherPublisherMustAndShowsOthersTheButton()
      throws Exception {
    console.access.tenantSettings().setTwoPersonPublishing(ConsoleFixture.SETUP, "city", true);
    ConsoleClient saver = new ConsoleClient(console);
    String csrf = saver.login("publisher");
    assertThat(console.saveChangedDraft(saver, csrf).statusCode()).isEqualTo(303);

    HttpResponse<String> saversPage = saver.get(PUBLISH);

    assertThat(saversPage.statusCode()).isEqualTo(200);
    assertThat(saversPage.body())
        .contains("id=\"another-publisher\"")
        .contains("Another publisher must publish this draft")
        .contains("ask another publisher of city to publish it")
        .doesNotContain("id=\"publish\"");

    ConsoleClient reviewer = new ConsoleClient(console);
    reviewer.login("admin");
    HttpResponse<String> reviewersPage = reviewer.get(PUBLISH);

    assertThat(reviewersPage.statusCode()).isEqualTo(200);
    assertThat(reviewersPage.body())
        .contains("id=\"publish\"")
        .doesNotContain("id=\"another-publisher\"");
  }

  @Test
  void offForTheTenantTheSaverSeesThePublishButton() throws Exception {
    console.access.tenantSettings().setTwoPersonPublishing(ConsoleFixture.SETUP, "utility", true);
    ConsoleClient saver = new ConsoleClient(console);
    String csrf = saver.login("publisher");
    assertThat(console.saveChangedDraft(saver, csrf).statusCode()).isEqualTo(303);

    assertThat(saver.get(PUBLISH).body())
        .contains("id=\"publish\"")
        .doesNotContain("id=\"another-publisher\"");
  }

  /** Turns the rule on for {@code tenant}; "publisher" saves city's draft, then publishes it. */
  private HttpResponse<String> publisherPublishesTheirOwnDraftWithTheRuleOnFor(String tenant)
      throws Exception {
    console.access.tenantSettings().setTwoPersonPublishing(ConsoleFixture.SETUP, tenant, true);
    ConsoleClient saver = new ConsoleClient(console);
    String csrf = saver.login("publisher");
    assertThat(console.saveChangedDraft(saver, csrf).statusCode()).isEqualTo(303);
    return saver.post(PUBLISH, Map.of("_csrf", csrf, "note", "mine"));
  }

  private List<AuditEvent> events(AuditAction action) {
    return console.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.action() == action)
        .toList();
  }

  private AuditEvent last(AuditAction action) {
    return events(action).getLast();
  }
}

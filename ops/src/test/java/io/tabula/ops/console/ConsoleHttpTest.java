package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditRecord;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over real HTTPS (a test CA the client trusts), as crafted requests see it: headers,
 * the login wall, CSRF, roles, escaping, and that an invalid draft is never published.
 */
class ConsoleHttpTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @TempDir Path folder;
  private ConsoleFixture console;
  private HttpClient client;

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(folder, List.of());
    client =
        HttpClient.newBuilder()
            .sslContext(console.ca.clientContext())
            .cookieHandler(new CookieManager())
            .build();
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void everyAnswerCarriesHstsAStrictPolicyAndAStrictSessionCookie() throws Exception {
    HttpResponse<String> login = get("/login");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Strict"));
  }

  @Test
  void pagesNeedALogin() throws Exception {
    HttpResponse<String> flows = get("/flows");

    assertThat(flows.statusCode()).isEqualTo(303);
    assertThat(flows.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    String csrf = csrf(get("/login").body());
    HttpResponse<String> answer =
        post("/login", Map.of("_csrf", csrf, "username", "admin", "password", "wrong"), null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(get("/flows").statusCode()).isEqualTo(303);
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
    login("editor");
    String before = Files.readString(console.draft());

    HttpResponse<String> answer =
        post("/flows/city/parking-ticket/draft", Map.of("yaml", "flow: nothing"), null);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(Files.readString(console.draft())).isEqualTo(before);
  }

  @Test
  void anInvalidDraftIsNeverPublishedEvenByACraftedRequest() throws Exception {
    String csrf = login("publisher");
    String broken = Files.readString(console.draft()).replace("start: welcome", "start: nowhere");
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", broken), null);

    HttpResponse<String> answer =
        post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "crafted"), null);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("Not published");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");
  }

  @Test
  void aDraftThatDoesNotCompileIsShownAsInvalidNotAsEveryStepRemoved() throws Exception {
    String csrf = login("publisher");
    String broken = Files.readString(console.draft()).replace("start: welcome", "start: [welcome");
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", broken), null);

    String page = get("/flows/city/parking-ticket/publish").body();

    assertThat(page).doesNotContain(": removed").doesNotContain("id=\"changed-steps\"");
    assertThat(page)
        .contains("id=\"draft-invalid\"", "does not compile", "cannot be published", "id=\"diff\"");
  }

  @Test
  void aDraftWhoseHeaderNamesAnotherTenantIsNotPublishedThere() throws Exception {
    // A valid flow on its own: only the console's check knows it sits under city/.
    String csrf = login("publisher");
    String elsewhere = Files.readString(console.draft()).replace("tenant: city", "tenant: utility");
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", elsewhere), null);

    HttpResponse<String> answer =
        post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "moved"), null);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(console.store.resolve(".published/utility/parking-ticket")).doesNotExist();
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");
  }

  @Test
  void aDraftWhosePromptHasNoAudioIsRefusedNamingItUntilItsAudioExists() throws Exception {
    String csrf = login("publisher");
    String changed =
        Files.readString(console.draft())
            .replace("Welcome to the City", "Welcome again to the City");
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", changed), null);

    assertThat(get("/flows/city/parking-ticket/publish").body())
        .contains("cannot be published", "has no audio", "tabula prompts render");
    HttpResponse<String> refused =
        post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "silent"), null);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Not published", "prompt 'welcome' (en)", "has no audio")
        .contains("tabula prompts render --sounds " + console.sounds)
        .doesNotContain("(es)");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");

    console.audioFor(changed);
    HttpResponse<String> published =
        follow(
            post(
                "/flows/city/parking-ticket/publish",
                Map.of("_csrf", csrf, "note", "voiced"),
                null));
    assertThat(published.body()).contains("Published version 2");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml", "000002.yaml");
  }

  @Test
  void theAuditTrailRecordsSignInDraftSavePublishAndRollBackWithTheirTenant() throws Exception {
    String csrf = login("publisher");
    String changed =
        Files.readString(console.draft())
            .replace("Welcome to the City", "Welcome again to the City");
    console.audioFor(changed);
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", changed), null);
    post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "n"), null);
    post("/flows/city/parking-ticket/rollback", Map.of("_csrf", csrf, "version", "1"), null);

    List<AuditEvent> mine =
        console.access.trailReader().all().stream()
            .map(AuditRecord::event)
            .filter(e -> e.actor().equals("publisher"))
            .toList();
    assertThat(mine)
        .extracting(AuditEvent::action)
        .containsSubsequence(
            AuditAction.SIGN_IN,
            AuditAction.DRAFT_SAVE,
            AuditAction.PUBLISH,
            AuditAction.ROLL_BACK);
    assertThat(mine)
        // The attempt is recorded before the publish (Pci_10_2_PublishRecordedFirstTest).
        .filteredOn(
            e -> e.action() == AuditAction.PUBLISH && e.outcome() == AuditEvent.Outcome.SUCCESS)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.tenant()).isEqualTo("city");
              assertThat(e.target()).isEqualTo("city/parking-ticket");
              assertThat(e.source()).isEqualTo("127.0.0.1");
              assertThat(e.detail()).isEqualTo("version=2");
            });
  }

  @Test
  void aUserSeesOnlyTheTenantsTheyHoldARoleOn() throws Exception {
    console.createEnrolled("utility-only");
    console
        .access
        .admin()
        .grant(
            ConsoleFixture.SETUP, "utility-only", "utility", io.tabula.ops.access.role.Role.VIEWER);
    login("utility-only");

    assertThat(get("/flows").body()).contains("/flows/utility/").doesNotContain("/flows/city/");
    assertThat(get("/flows/city/parking-ticket").statusCode()).isEqualTo(404);
    assertThat(get("/flows/city/parking-ticket/publish").statusCode()).isEqualTo(404);
  }

  @Test
  void signOutEndsTheAccessSession() throws Exception {
    String csrf = login("viewer");
    assertThat(post("/logout", Map.of("_csrf", csrf), null).statusCode()).isEqualTo(303);

    assertThat(get("/flows").statusCode()).isEqualTo(303);
    assertThat(console.access.trailReader().all())
        .extracting(r -> r.event().action())
        .contains(AuditAction.SIGN_OUT);
  }

  @Test
  void aRollbackVersionIsPlainDigitsOnly() throws Exception {
    String csrf = login("publisher");
    // Integer.parseInt would take these as versions 1 and 1 (the second in Arabic-Indic digits).
    for (String version : new String[] {"+1", "\u0661"}) {
      HttpResponse<String> answer =
          post(
              "/flows/city/parking-ticket/rollback",
              Map.of("_csrf", csrf, "version", version),
              null);
      assertThat(answer.statusCode()).as("version %s", version).isEqualTo(400);
    }
    assertThat(console.publishedVersions()).containsExactly("000001.yaml");
  }

  @Test
  void aValidDraftIsPublishedWithItsNoteAndRolledBack() throws Exception {
    String csrf = login("publisher");
    String changed =
        Files.readString(console.draft())
            .replace("Welcome to the City", "Welcome again to the City");
    console.audioFor(changed);
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", changed), null);

    HttpResponse<String> published =
        follow(
            post(
                "/flows/city/parking-ticket/publish",
                Map.of("_csrf", csrf, "note", "new welcome"),
                null));
    HttpResponse<String> rolledBack =
        follow(
            post(
                "/flows/city/parking-ticket/rollback",
                Map.of("_csrf", csrf, "version", "1"),
                null));

    assertThat(published.body()).contains("Published version 2", "new welcome", "publisher");
    assertThat(rolledBack.body()).contains("version 3 serves the text of version 1");
    Path versions = console.store.resolve(".published/city/parking-ticket");
    assertThat(Files.readString(versions.resolve("000003.yaml")))
        .isEqualTo(Files.readString(versions.resolve("000001.yaml")));
  }

  @Test
  void publishAndRollbackAnswerWithARedirectSoAReloadChangesNothing() throws Exception {
    String csrf = login("publisher");
    String changed =
        Files.readString(console.draft())
            .replace("Welcome to the City", "Welcome again to the City");
    console.audioFor(changed);
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", changed), null);

    HttpResponse<String> published =
        post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "new"), null);
    assertThat(published.statusCode()).isEqualTo(303);
    String location = published.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/flows/city/parking-ticket/publish?");
    // A reload after the redirect repeats the GET, not the POST: still two versions.
    assertThat(get(location).body()).contains("Published version 2");
    assertThat(get(location).body()).contains("Published version 2");
    assertThat(console.publishedVersions()).containsExactly("000001.yaml", "000002.yaml");

    HttpResponse<String> rolledBack =
        post("/flows/city/parking-ticket/rollback", Map.of("_csrf", csrf, "version", "1"), null);
    assertThat(rolledBack.statusCode()).isEqualTo(303);
    String back = rolledBack.headers().firstValue("Location").orElseThrow();
    assertThat(get(back).body()).contains("version 3 serves the text of version 1");
    assertThat(get(back).body()).contains("version 3 serves the text of version 1");
    assertThat(console.publishedVersions())
        .containsExactly("000001.yaml", "000002.yaml", "000003.yaml");
  }

  @Test
  void aRedirectNamingAVersionThatDoesNotExistSaysNothingWasPublished() throws Exception {
    login("publisher");
    assertThat(get("/flows/city/parking-ticket/publish?published=9").body())
        .doesNotContain("Published version 9");
  }

  @Test
  void aViewerMayNotEditOrPublish() throws Exception {
    String csrf = login("viewer");

    assertThat(
            post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", "x"), null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post("/flows/city/parking-ticket/publish", Map.of("_csrf", csrf, "note", "x"), null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void flowTextIsEscapedOnEveryPage() throws Exception {
    String csrf = login("editor");
    String hostile =
        Files.readString(console.draft())
            .replace(
                "\"Welcome to the City parking ticket payment line.",
                "\"<script>alert(1)</script><img src=x onerror=alert(2)> Welcome.");
    post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", hostile), "true");

    for (String page :
        List.of("/flows/city/parking-ticket/edit", "/flows/city/parking-ticket/publish")) {
      String body = get(page).body();
      assertThat(body).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      assertThat(body).as(page).doesNotContain("<script>alert", "<img src=x");
    }
  }

  @Test
  void aPromptCellWithoutScriptEditsThatOneLineOfTheDraft() throws Exception {
    String csrf = login("editor");
    String before = Files.readString(console.draft());

    HttpResponse<String> answer =
        post(
            "/flows/city/parking-ticket/prompt",
            Map.of("_csrf", csrf, "prompt", "goodbye", "language", "es", "words", "Adiós <b>."),
            null);

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location"))
        .hasValue("/flows/city/parking-ticket/edit#prompts");
    List<String> after = Files.readString(console.draft()).lines().toList();
    List<String> was = before.lines().toList();
    assertThat(after).hasSameSizeAs(was);
    assertThat(after.stream().filter(line -> !was.contains(line)).toList())
        .containsExactly("    es: \"Adiós <b>.\"");
    assertThat(get("/flows/city/parking-ticket/edit").body())
        .containsPattern("id=\"prompt-goodbye-es\"[^>]*>Adiós &lt;b&gt;.</textarea>")
        .doesNotContain("Adiós <b>");
  }

  @Test
  void aPromptCellWithTheEditorsTextAnswersTheEditedTextAndSavesNothing() throws Exception {
    String csrf = login("editor");
    String before = Files.readString(console.draft());
    String editing = before.replace("# Pay a parking ticket", "# Being edited: pay a ticket");

    HttpResponse<String> answer =
        post(
            "/flows/city/parking-ticket/prompt",
            Map.of(
                "_csrf",
                csrf,
                "prompt",
                "goodbye",
                "language",
                "en",
                "words",
                "Bye.",
                "yaml",
                editing),
            "true");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            editing.replace(
                "en: \"Thank you for calling the City parking office. Goodbye.\"", "en: \"Bye.\""));
    assertThat(Files.readString(console.draft())).isEqualTo(before);
  }

  @Test
  void aPromptCellIsRefusedToAViewerWithoutCsrfAndForAPromptThatIsNotThere() throws Exception {
    String viewer = login("viewer");
    Map<String, String> cell = Map.of("prompt", "goodbye", "language", "es", "words", "x");
    Map<String, String> withCsrf = new LinkedHashMap<>(cell);
    withCsrf.put("_csrf", viewer);
    assertThat(post("/flows/city/parking-ticket/prompt", withCsrf, null).statusCode())
        .isEqualTo(403);

    String editor = login("editor");
    assertThat(post("/flows/city/parking-ticket/prompt", cell, null).statusCode()).isEqualTo(403);
    HttpResponse<String> unknown =
        post(
            "/flows/city/parking-ticket/prompt",
            Map.of("_csrf", editor, "prompt", "nope", "language", "es", "words", "x"),
            null);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).startsWith("Not changed: there is no prompt 'nope'");
  }

  @Test
  void aMissingTranslationIsMarkedInThePromptTableAndByTheValidator() throws Exception {
    String csrf = login("editor");
    String without =
        Files.readString(console.draft())
            .replace("    es: \"Ese no es un número de multa válido.\"\n", "");

    String checked =
        post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", without), "true")
            .body();

    assertThat(checked)
        .contains("id=\"prompt-table\" hx-swap-oob=\"innerHTML\"")
        .containsPattern(
            "<td class=\"missing\">\\s*<form[^>]*>(?:(?!</form>)[\\s\\S])*id=\"prompt-ticket-invalid-es\"")
        .contains("aria-invalid=\"true\"", "missing translation")
        .containsPattern("class=\"error\"[^>]*>(?:(?!</li>)[\\s\\S])*ticket-invalid");
  }

  private String login(String user) throws Exception {
    String csrf = csrf(get("/login").body());
    HttpResponse<String> answer =
        post(
            "/login",
            Map.of(
                "_csrf",
                csrf,
                "username",
                user,
                "password",
                new String(ConsoleFixture.password(user)),
                "code",
                console.code(user)),
            null);
    assertThat(answer.statusCode()).isEqualTo(303);
    return csrf(get("/flows").body());
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return m.group(1);
  }

  /** Follows a POST's redirect as a browser does. */
  private HttpResponse<String> follow(HttpResponse<String> answer)
      throws IOException, InterruptedException {
    assertThat(answer.statusCode()).as("a redirect after the POST").isEqualTo(303);
    return get(answer.headers().firstValue("Location").orElseThrow());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(console.url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String htmx)
      throws IOException, InterruptedException {
    String body =
        new LinkedHashMap<>(form)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(console.url(path).toString()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (htmx != null) {
      request.header("HX-Request", htmx);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

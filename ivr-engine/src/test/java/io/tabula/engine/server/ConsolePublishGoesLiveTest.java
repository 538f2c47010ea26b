package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.flows.FlowMetrics;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.AccountAdmin;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.console.ConsoleOptions;
import io.tabula.ops.console.ConsoleServer;
import io.tabula.ops.console.ConsoleSounds;
import io.tabula.ops.console.EmbeddedAccess;
import io.tabula.ops.console.SeededStore;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish in the ops console goes live in a running engine that reads the same flow store: the
 * next call gets the new version, while a call already in progress finishes on the version it
 * started with.
 */
class ConsolePublishGoesLiveTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @TempDir Path folder;

  @Test
  void theNextCallGetsThePublishedVersionAndTheCallInProgressKeepsItsOwn() throws Exception {
    Clock clock = Clock.systemUTC();
    Connectors connectors = DemoConnectors.create(clock);
    Path sounds = folder.resolve("sounds");
    for (String name : io.tabula.flows.store.ShippedFlowFiles.names()) {
      io.tabula.ops.prompts.StandInAudio.forFlow(
          sounds, io.tabula.flows.store.ShippedFlowFiles.read(name).orElseThrow());
    }
    Path store =
        SeededStore.seed(
                folder.resolve("flows"), connectors, clock, new ConsoleSounds(List.of(sounds)))
            .root();
    DevCertificateAuthority ca = DevCertificateAuthority.create("console engine test CA");
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EmbeddedAccess access =
            EmbeddedAccess.start(
                Files.createDirectories(folder.resolve("access")), AccessSettings.defaults());
        AdminServer admin = AdminServer.start(new AdminConfig("127.0.0.1", 0), metrics);
        ConsoleServer console =
            ConsoleServer.start(
                new ConsoleOptions(
                    "127.0.0.1",
                    0,
                    store,
                    ca.issue(CertificateRequest.server("localhost")),
                    List.of(URI.create("http://127.0.0.1:" + admin.port())),
                    new ConsoleSounds(List.of(sounds))),
                access.access(),
                connectors,
                clock);
        EngineFlows flows =
            EngineFlows.open(
                new FlowsSettings(store.toString(), Duration.ofMillis(100)), connectors);
        Engine engine =
            Engine.start(
                TestEngines.config(4),
                flows.handlers(connectors, RunnerConfig.defaults(), new FlowMetrics(metrics)),
                new UnmutedRecordingControl(),
                metrics);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      GatedCaller inProgress = new GatedCaller();
      CompletableFuture<CallReport> first =
          pbx.call(engine.address(), "city/parking-ticket", inProgress);
      inProgress.asked.get(10, TimeUnit.SECONDS);

      byte[] secret = publisher(access.access(), "ops", "ops-password-1");
      Browser ops = new Browser(console, ca);
      String csrf = ops.login("ops", "ops-password-1", nextCode(secret));
      String draft = Files.readString(store.resolve("city/parking-ticket.yaml"));
      String holiday =
          draft
              .replace(
                  "prompts:\n",
                  "prompts:\n  holiday:\n    en: \"We are closed on Monday for the holiday.\"\n"
                      + "    es: \"Estamos cerrados el lunes por el día festivo.\"\n")
              .replace("say: [welcome]", "say: [holiday, welcome]");
      io.tabula.ops.prompts.StandInAudio.forFlow(sounds, holiday);
      ops.post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", holiday));
      String answer =
          ops.post(
              "/flows/city/parking-ticket/publish",
              Map.of("_csrf", csrf, "note", "holiday notice"));
      assertThat(answer).contains("Published version 2");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  flows.published().current("city", "parking-ticket").orElseThrow().version() == 2);

      CallReport next =
          pbx.call(engine.address(), "city/parking-ticket", new GatedCaller().open())
              .get(10, TimeUnit.SECONDS);
      inProgress.open();
      CallReport old = first.get(10, TimeUnit.SECONDS);

      ops.post("/flows/city/parking-ticket/rollback", Map.of("_csrf", csrf, "version", "1"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  flows.published().current("city", "parking-ticket").orElseThrow().version() == 3);
      CallReport afterRollback =
          pbx.call(engine.address(), "city/parking-ticket", new GatedCaller().open())
              .get(10, TimeUnit.SECONDS);

      // Prompts are heard as sound names made from their text: the holiday notice is a new one.
      String welcome = old.prompts().getFirst();
      assertThat(next.prompts()).isNotEmpty().doesNotContain(welcome);
      assertThat(afterRollback.prompts().getFirst()).isEqualTo(welcome);
      assertThat(flows.published().current("city", "parking-ticket").orElseThrow().flow().prompts())
          .doesNotContainKey("holiday");

      // Watch: the console reads the engine's metrics; the three calls ended as callers hung up.
      String watch = ops.get("/watch");
      assertThat(watch).contains("tabula_calls_active", "tabula_calls_ended_total");
      assertThat(watch)
          .containsPattern(
              "tabula_calls_ended_total</td>(<td>[^<]*</td>){2}<td>caller_hung_up</td><td>3</td>");
      // Per tenant and flow: none in progress, calls per minute (a dash until the console has
      // two scrapes 10 s apart, CallRatesTest checks the figure), 3 started, none paid, declined,
      // unknown or transferred, 3 abandoned (each caller hung up at the first question).
      assertThat(watch)
          .containsPattern(
              "<td>city</td><td>parking-ticket</td><td>0</td>"
                  + "<td class=\"per-minute\">(\u2013|[0-9]+\\.[0-9])</td><td>3</td>"
                  + "<td>0</td><td>0</td><td>0</td><td>0</td><td>3</td>");
    }
  }

  /** Hangs up at the first question, once opened; tells when it is first asked. */
  private static final class GatedCaller implements Caller {
    final CompletableFuture<Void> asked = new CompletableFuture<>();
    private final CompletableFuture<CallerAction> gate = new CompletableFuture<>();
    final List<Heard> heard = new CopyOnWriteArrayList<>();

    GatedCaller open() {
      gate.complete(new CallerAction.HangUp(Duration.ZERO));
      return this;
    }

    @Override
    public CompletionStage<CallerAction> input(InputRequest request) {
      asked.complete(null);
      return gate;
    }

    @Override
    public void heard(Heard what) {
      heard.add(what);
    }
  }

  /** What a browser does, as plain HTTPS requests trusting only the test CA. */
  private static final class Browser {
    private final ConsoleServer console;
    private final HttpClient client;

    Browser(ConsoleServer console, DevCertificateAuthority ca) {
      this.console = console;
      this.client =
          HttpClient.newBuilder()
              .sslContext(ca.clientContext())
              .cookieHandler(new CookieManager())
              // publish and rollback answer 303 (POST-redirect-GET), which a browser follows
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }

    String login(String user, String password, String code) throws Exception {
      String csrf = csrf(get("/login"));
      post("/login", Map.of("_csrf", csrf, "username", user, "password", password, "code", code));
      return csrf(get("/flows"));
    }

    String get(String path) throws Exception {
      return client
          .send(
              HttpRequest.newBuilder(console.url().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    String post(String path, Map<String, String> form) throws Exception {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return client
          .send(
              HttpRequest.newBuilder(console.url().resolve(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    private static String csrf(String page) {
      Matcher m = CSRF.matcher(page);
      assertThat(m.find()).as("a CSRF field in the page").isTrue();
      return m.group(1);
    }
  }

  /**
   * A publisher of city with {@code password} and an enrolled authenticator, made through the
   * access library as an admin would; returns the authenticator's secret.
   */
  private static byte[] publisher(AccessControl access, String login, String password)
      throws Exception {
    AccountAdmin.Actor setup = new AccountAdmin.Actor("test-setup", "local");
    InetAddress here = InetAddress.getLoopbackAddress();
    char[] oneTime = access.admin().create(setup, login);
    access.signIn().changePassword(login, oneTime, password.toCharArray(), here, null);
    for (Role role : List.of(Role.VIEWER, Role.EDITOR, Role.PUBLISHER)) {
      access.admin().grant(setup, login, "city", role);
    }
    SignInOutcome outcome;
    try (SignInAttempt attempt =
        new SignInAttempt(login, password.toCharArray(), Optional.empty(), here)) {
      outcome = access.signIn().signIn(attempt);
    }
    long id = ((SignInOutcome.MfaEnrolmentRequired) outcome).accountId();
    String uri = access.beginMfaEnrolment(id, "127.0.0.1").uri();
    byte[] secret = base32(uri.substring(uri.indexOf("secret=") + 7).split("&")[0]);
    int code = Totp.standard().code(secret, Totp.step(Instant.now()));
    assertThat(access.confirmMfaEnrolment(id, code, "127.0.0.1")).isNotEmpty();
    return secret;
  }

  /** A code for the next TOTP step (one step of drift is accepted; the current one is used). */
  private static String nextCode(byte[] secret) {
    return "%06d".formatted(Totp.standard().code(secret, Totp.step(Instant.now()) + 1));
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}

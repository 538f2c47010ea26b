package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula console --oidc-config FILE} run in-process as an operator starts it, against a real
 * OIDC provider (navikt's mock-oauth2-server over TLS from a test CA): a user signs in through SSO
 * with an HTTP client that keeps cookies and follows each redirect (console, provider, console), so
 * the authorization code + PKCE round trip is the real one. A provider the console cannot trust
 * stops it at start, and so does a broken file, naming the field.
 */
@DisplayName(
    "PCI DSS 8.4.2: tabula console --oidc-config signs in through the provider, fails closed")
class ConsoleCommandSsoTest {

  @TempDir Path folder;
  private DevCertificateAuthority ca;
  private OidcProviderFixture provider;
  private int port;
  private String[] tls;

  @BeforeEach
  void start() throws Exception {
    ca = DevCertificateAuthority.create("console sso test CA");
    provider = new OidcProviderFixture(ca);
    Path caFile = folder.resolve("ca.pem");
    ca.writeCertificatePem(caFile);
    ca.issue(CertificateRequest.server("localhost", "127.0.0.1"))
        .writePem(folder.resolve("console.crt"), folder.resolve("console.key"));
    Files.writeString(folder.resolve("client-secret"), "test-client-secret\n");
    port = freePort();
    tls =
        new String[] {
          "--cert", folder.resolve("console.crt").toString(),
          "--key", folder.resolve("console.key").toString(),
          "--ca", caFile.toString()
        };
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private Path config(String issuer, String trustedCa) throws Exception {
    return Files.writeString(
        folder.resolve("oidc.yaml"),
        """
        issuer: %s
        clientId: %s
        clientSecretFile: client-secret
        trustedCa: %s
        requiredAmr: mfa
        groupRoles:
          tabula-city-publishers: [city:publisher, city:editor]
        """
            .formatted(issuer, OidcProviderFixture.CLIENT, trustedCa));
  }

  @Test
  void aPublisherGroupSignsInThroughTheProviderWithCodeAndPkce() throws Exception {
    Path file = config(provider.issuer().toString(), "ca.pem");
    provider.nextUser(
        "ana-subject",
        Map.of(
            "preferred_username", "ana@city.example",
            "groups", List.of("tabula-city-publishers"),
            "amr", List.of("pwd", "mfa")));
    try (Running console = Running.start(command(file))) {
      assertThat(console.out()).contains("Single sign-on: " + provider.issuer());
      HttpClient browser =
          HttpClient.newBuilder()
              .sslContext(ca.clientContext())
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      URI base = URI.create("https://localhost:" + port);

      HttpResponse<String> login = get(browser, base.resolve("/login"));
      assertThat(login.body()).contains("id=\"sso\"", "href=\"/oidc/start\"");
      URI authorize = redirect(get(browser, base.resolve("/oidc/start")));
      assertThat(authorize.getQuery())
          .contains("code_challenge_method=S256", "nonce=", "state=", "scope=openid");
      URI callback = redirect(get(browser, authorize));
      assertThat(callback.toString()).startsWith(base + "/oidc/callback?code=");
      URI landing = redirect(get(browser, callback));
      HttpResponse<String> flows = get(browser, base.resolve(landing));

      assertThat(landing.getPath()).isEqualTo("/flows");
      assertThat(flows.statusCode()).isEqualTo(200);
      assertThat(flows.body()).contains("ana@city.example", "parking-ticket");
      assertThat(provider.requestsUntilToken())
          .anySatisfy(r -> assertThat(r).contains("/token", "code_verifier=", "grant_type"));
    }
  }

  @Test
  void aProviderWhoseCertificateIsNotFromTheTrustedCaStopsTheConsoleAtStart() throws Exception {
    DevCertificateAuthority.create("someone else").writeCertificatePem(folder.resolve("other.pem"));
    Path file = config(provider.issuer().toString(), "other.pem");

    Run run = Run.of(command(file));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("single sign-on", "cannot reach the OIDC provider", "SSLHandshakeException")
        .contains("fix the --oidc-config file");
    assertThat(run.out()).doesNotContain("Tabula console:");
  }

  @Test
  void aBrokenFileStopsTheConsoleNamingTheField() throws Exception {
    Path file = config("http://idp.example/", "ca.pem");

    Run run = Run.of(command(file));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--oidc-config " + file + ": issuer: must be an https URL")
        .doesNotContain("test-client-secret");
    assertThat(run.out()).isEmpty();
  }

  private ConsoleCommandRun command(Path oidcConfig) {
    List<String> args = new java.util.ArrayList<>(List.of(tls));
    args.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--oidc-config", oidcConfig.toString(),
            "--sounds", folder.toString()));
    return new ConsoleCommandRun(new ConsoleCommand(), args.toArray(String[]::new));
  }

  private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI redirect(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isIn(302, 303);
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The command and its arguments, with writers that tell when it has started. */
  private record ConsoleCommandRun(ConsoleCommand command, String[] args) {}

  /** A run that ended by itself (a refusal at start). */
  private record Run(int exit, String out, String err) {
    static Run of(ConsoleCommandRun run) throws Exception {
      try (Running running = Running.begin(run)) {
        CompletableFuture.anyOf(running.out.started, running.exit).get(180, TimeUnit.SECONDS);
        assertThat(running.exit).as("the console started: %s", running.out()).isDone();
        return new Run(running.exit.join(), running.out(), running.err.toString());
      }
    }
  }

  /** The command running on its own thread until {@link #close()} stops it as Ctrl-C does. */
  private static final class Running implements AutoCloseable {
    private final ConsoleCommand command;
    private final StartedWriter out = new StartedWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private Running(ConsoleCommandRun run) {
      command = run.command();
      CommandLine line = new CommandLine(command);
      line.setOut(new PrintWriter(out, true));
      line.setErr(new PrintWriter(err, true));
      exit = CompletableFuture.supplyAsync(() -> line.execute(run.args()));
    }

    static Running begin(ConsoleCommandRun run) {
      return new Running(run);
    }

    /** Started and serving, or fails with what it printed. */
    static Running start(ConsoleCommandRun run) throws Exception {
      Running running = new Running(run);
      CompletableFuture.anyOf(running.out.started, running.exit).get(180, TimeUnit.SECONDS);
      assertThat(running.out.started).as(running.err.toString()).isDone();
      return running;
    }

    String out() {
      return out.toString();
    }

    @Override
    public void close() {
      command.stop();
      assertThat(exit.orTimeout(60, TimeUnit.SECONDS).join()).as(err.toString()).isIn(0, 2);
    }
  }

  /** Completes {@link #started} when the command prints its last start-up line. */
  private static final class StartedWriter extends StringWriter {
    final CompletableFuture<Void> started = new CompletableFuture<>();

    @Override
    public void flush() {
      super.flush();
      if (toString().contains("Ctrl-C stops it.")) {
        started.complete(null);
      }
    }
  }
}

package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.oidc.OidcSettings;
import io.tabula.ops.access.oidc.OidcSettings.TenantRole;
import io.tabula.ops.access.oidc.OidcSignIn;
import io.tabula.ops.access.role.Role;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PCI DSS 8.4.2 / 7.2 with single sign-on, in Debian's headless Chromium: "Sign in with SSO" takes
 * the browser to a real OIDC server (navikt's mock-oauth2-server over TLS from a test CA), which
 * sends it back with a code; the console exchanges it with PKCE, checks state and nonce, and maps
 * the provider's groups to roles per tenant. A user whose groups map to nothing is refused with a
 * page that says so.
 */
class Pci_8_4_2_ConsoleSsoBrowserTest {

  private static final String CLIENT = "tabula-console";

  @TempDir Path folder;
  private MockOAuth2Server provider;
  private ConsoleFixture console;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    DevCertificateAuthority ca = DevCertificateAuthority.create("oidc test CA");
    IssuedCertificate providerCert = ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
    provider =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(),
                Set.of(),
                new MockWebServerWrapper(
                    new Ssl(
                        new SslKeystore(
                            "changeit", providerCert.keyStore("changeit".toCharArray()))))));
    provider.start(InetAddress.getLoopbackAddress(), 0);
    Path caFile = folder.resolve("oidc-ca.pem");
    ca.writeCertificatePem(caFile);
    Path secret = folder.resolve("client-secret");
    Files.writeString(secret, "test-client-secret\n");
    int port = freePort();
    URI issuer =
        URI.create(provider.issuerUrl("default").toString().replace("127.0.0.1", "localhost"));
    OidcSettings settings =
        new OidcSettings(
            issuer,
            CLIENT,
            secret,
            URI.create("https://localhost:" + port + "/oidc/callback"),
            "groups",
            Map.of("tabula-city-publishers", List.of(new TenantRole("city", Role.PUBLISHER))),
            Optional.of("mfa"),
            Optional.of(caFile));
    console =
        new ConsoleFixture(
            folder,
            List.of(),
            s -> s,
            port,
            access ->
                Optional.of(
                    new OidcSignIn(
                        settings,
                        access.accounts(),
                        access.grants(),
                        access.sessions(),
                        access.trail(),
                        access.settings())));
    browser =
        HeadlessChromium.trusting(
                folder, console.certificate.certificate(), providerCert.certificate())
            .start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  void aPublisherGroupSignsInThroughTheProviderAndSeesOnlyItsTenant() throws Exception {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "ana-subject",
            "JWT",
            List.of(CLIENT),
            Map.of(
                "preferred_username", "ana@city.example",
                "groups", List.of("tabula-city-publishers", "unrelated"),
                "amr", List.of("pwd", "mfa")),
            3600));

    browser.get(console.url("/login").toString());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("parking-ticket")));
    HeadlessChromium.screenshot(browser, "access-10-sso-signed-in");

    assertThat(browser.getCurrentUrl()).endsWith("/flows");
    assertThat(browser.getPageSource())
        .contains("ana@city.example")
        .doesNotContain("/flows/utility/");
    AuditEvent signIn = lastOf(AuditAction.SIGN_IN);
    assertThat(signIn.actor()).isEqualTo("ana@city.example");
    assertThat(signIn.outcome()).isEqualTo(Outcome.SUCCESS);
    var requests = new java.util.ArrayList<String>();
    for (int i = 0; i < 8; i++) {
      var r = provider.takeRequest(1);
      requests.add(r.getPath() + " " + r.getBody().readUtf8());
      if (requests.getLast().contains("/token")) {
        break;
      }
    }
    assertThat(requests)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("/authorize", "code_challenge_method=S256", "nonce=", "state="))
        .anySatisfy(r -> assertThat(r).contains("/token", "code_verifier="));
  }

  @Test
  void aUserWhoseGroupsMapToNoRoleIsRefusedWithAPageThatSaysSo() throws Exception {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "bo-subject",
            "JWT",
            List.of(CLIENT),
            Map.of("preferred_username", "bo", "groups", List.of("sales"), "amr", List.of("mfa")),
            3600));

    browser.get(console.url("/login").toString());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    HeadlessChromium.screenshot(browser, "access-11-sso-refused");

    assertThat(browser.findElement(By.id("problem")).getText()).contains("none of your groups");
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(browser.findElements(By.linkText("parking-ticket"))).isEmpty();
  }

  @Test
  void aCallbackThisBrowserDidNotStartIsRefused() throws Exception {
    browser.get(console.url("/oidc/callback?code=stolen&state=guessed").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    assertThat(browser.findElement(By.id("problem")).getText()).contains("did not start here");
  }

  private AuditEvent lastOf(AuditAction action) {
    return console.access.trailReader().all().stream()
        .map(AuditRecord::event)
        .filter(e -> e.action() == action)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** A port free now, for a redirect URI that must be known before the console starts. */
  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.tabula.ops.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.oidc.OidcOutcome.Reason;
import io.tabula.ops.access.oidc.OidcSettings.TenantRole;
import io.tabula.ops.access.role.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Against a real OIDC server (navikt's mock-oauth2-server) on loopback over TLS with a test CA:
 * discovery, authorization code + PKCE, token exchange, ID token signature and nonce, groups to
 * roles.
 */
@DisplayName("PCI DSS 8.4.2, 7.2: single sign-on with OIDC (code + PKCE), groups mapped to roles")
class Pci_8_4_2_OidcSignInTest {

  private static final String CLIENT = "tabula-console";
  private static final URI REDIRECT = URI.create("https://console.example/oidc/callback");

  private MockOAuth2Server server;
  private Path caFile;
  private Path secretFile;
  private HttpClient browser;

  @BeforeEach
  void startProvider() throws Exception {
    DevCertificateAuthority ca = DevCertificateAuthority.create("oidc-test-ca");
    IssuedCertificate cert = ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
    char[] password = "changeit".toCharArray();
    Ssl ssl = new Ssl(new SslKeystore("changeit", cert.keyStore(password)));
    server =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(),
                Set.of(),
                new MockWebServerWrapper(ssl)));
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    Path dir = Files.createTempDirectory("oidc-test-");
    caFile = dir.resolve("ca.pem");
    ca.writeCertificatePem(caFile);
    secretFile = dir.resolve("client-secret");
    Files.writeString(secretFile, "test-client-secret\n");
    browser =
        HttpClient.newBuilder()
            .sslContext(ca.clientContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @AfterEach
  void stopProvider() {
    server.shutdown();
  }

  private URI issuer() {
    return URI.create(server.issuerUrl("default").toString().replace("127.0.0.1", "localhost"));
  }

  private OidcSettings settings(Optional<String> requiredAmr) {
    return new OidcSettings(
        issuer(),
        CLIENT,
        secretFile,
        REDIRECT,
        "groups",
        Map.of(
            "tabula-city-publishers", List.of(new TenantRole("city", Role.PUBLISHER)),
            "tabula-city-editors", List.of(new TenantRole("city", Role.EDITOR))),
        requiredAmr,
        Optional.of(caFile));
  }

  private OidcSignIn oidc(AccessFixture f, Optional<String> requiredAmr) {
    return new OidcSignIn(
        settings(requiredAmr),
        f.access.accounts(),
        f.access.grants(),
        f.access.sessions(),
        f.access.trail(),
        f.access.settings());
  }

  private void nextUser(String subject, Map<String, Object> claims) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims, 3600));
  }

  /** What the browser does: follow the authorization URL and come back with the redirect. */
  private URI authorize(URI authorization) throws Exception {
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(authorization.toString().replace("127.0.0.1", "localhost")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aPublisherGroupSignsInAsPublisherOfThatTenantOnly() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      OidcSignIn oidc = oidc(f, Optional.of("mfa"));
      nextUser(
          "ana-subject",
          Map.of(
              "preferred_username", "ana@city.example",
              "groups", List.of("tabula-city-publishers", "unrelated-group"),
              "amr", List.of("pwd", "mfa")));
      OidcStart start = oidc.begin();
      assertThat(start.authorizationUri().getQuery())
          .contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=");

      OidcOutcome outcome =
          oidc.complete(authorize(start.authorizationUri()), start, AccessFixture.HOME);

      var signedIn = (OidcOutcome.SignedIn) outcome;
      assertThat(signedIn.principal().login()).isEqualTo("ana@city.example");
      assertThat(signedIn.principal().rolesByTenant())
          .isEqualTo(Map.of("city", Set.of(Role.PUBLISHER)));
      assertThat(f.access.sessions().check(signedIn.session().token())).isPositive();
      // The exchange sent the PKCE verifier to the real token endpoint.
      var requests = new java.util.ArrayList<String>();
      for (int i = 0; i < 6; i++) {
        var r = server.takeRequest(1);
        requests.add(r.getPath() + " " + r.getBody().readUtf8());
        if (requests.getLast().contains("/token")) {
          break;
        }
      }
      assertThat(requests).anySatisfy(r -> assertThat(r).contains("/token", "code_verifier="));
    }
  }

  @Test
  void aUserWithNoMappedGroupIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      OidcSignIn oidc = oidc(f, Optional.empty());
      nextUser("bo-subject", Map.of("preferred_username", "bo", "groups", List.of("sales")));
      OidcStart start = oidc.begin();
      assertThat(oidc.complete(authorize(start.authorizationUri()), start, AccessFixture.HOME))
          .isEqualTo(new OidcOutcome.Refused(Reason.NO_MAPPED_GROUP));
    }
  }

  @Test
  void withoutProofOfMfaFromTheProviderTheSignInIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      OidcSignIn oidc = oidc(f, Optional.of("mfa"));
      nextUser(
          "ana-subject",
          Map.of(
              "preferred_username",
              "ana",
              "groups",
              List.of("tabula-city-editors"),
              "amr",
              List.of("pwd")));
      OidcStart start = oidc.begin();
      assertThat(oidc.complete(authorize(start.authorizationUri()), start, AccessFixture.HOME))
          .isEqualTo(new OidcOutcome.Refused(Reason.MFA_NOT_PROVEN));
    }
  }

  @Test
  void aCallbackWithAnotherSignInsStateIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      OidcSignIn oidc = oidc(f, Optional.empty());
      nextUser("ana-subject", Map.of("groups", List.of("tabula-city-editors")));
      OidcStart mine = oidc.begin();
      OidcStart theirs = oidc.begin();
      assertThat(oidc.complete(authorize(theirs.authorizationUri()), mine, AccessFixture.HOME))
          .isEqualTo(new OidcOutcome.Refused(Reason.STATE_MISMATCH));
    }
  }

  @Test
  void aWrongPkceVerifierGetsNoToken() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      OidcSignIn oidc = oidc(f, Optional.empty());
      nextUser("ana-subject", Map.of("groups", List.of("tabula-city-editors")));
      OidcStart start = oidc.begin();
      URI callback = authorize(start.authorizationUri());
      OidcStart forged =
          new OidcStart(
              start.authorizationUri(),
              start.state(),
              start.nonce(),
              new com.nimbusds.oauth2.sdk.pkce.CodeVerifier());
      assertThat(oidc.complete(callback, forged, AccessFixture.HOME))
          .isEqualTo(new OidcOutcome.Refused(Reason.TOKEN_REFUSED));
    }
  }

  @Test
  void aProviderWhoseCertificateIsNotFromTheTrustedCaIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      Path otherCa = Files.createTempFile("other-ca-", ".pem");
      DevCertificateAuthority.create("someone-else").writeCertificatePem(otherCa);
      OidcSettings s = settings(Optional.empty());
      OidcSettings untrusted =
          new OidcSettings(
              s.issuer(),
              s.clientId(),
              s.clientSecretFile(),
              s.redirectUri(),
              s.groupsClaim(),
              s.groupRoles(),
              s.requiredAmr(),
              Optional.of(otherCa));
      assertThatThrownBy(
              () ->
                  new OidcSignIn(
                      untrusted,
                      f.access.accounts(),
                      f.access.grants(),
                      f.access.sessions(),
                      f.access.trail(),
                      f.access.settings()))
          .hasMessageContaining("cannot reach the OIDC provider");
    }
  }

  @Test
  void aPlainHttpIssuerIsRefused() {
    assertThatThrownBy(
            () ->
                new OidcSettings(
                    URI.create("http://idp.example/"),
                    CLIENT,
                    secretFile,
                    REDIRECT,
                    "groups",
                    Map.of(),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("is not https");
  }
}

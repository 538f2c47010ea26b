package io.tabula.ops.console;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * navikt's mock-oauth2-server on loopback over TLS, its certificate (for localhost and 127.0.0.1)
 * issued by {@code ca}, as in {@code Pci_8_4_2_ConsoleSsoBrowserTest}.
 */
final class OidcProviderFixture implements AutoCloseable {

  static final String CLIENT = "tabula-console";

  final MockOAuth2Server server;

  OidcProviderFixture(DevCertificateAuthority ca) {
    IssuedCertificate cert = ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
    server =
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
                        new SslKeystore("changeit", cert.keyStore("changeit".toCharArray()))))));
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The issuer by the name its certificate carries. */
  URI issuer() {
    return URI.create(server.issuerUrl("default").toString().replace("127.0.0.1", "localhost"));
  }

  /** The next sign-in at the provider is this user, with these claims. */
  void nextUser(String subject, Map<String, Object> claims) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims, 3600));
  }

  /** The paths and bodies of the requests the provider saw, until its token request. */
  List<String> requestsUntilToken() throws InterruptedException {
    var requests = new java.util.ArrayList<String>();
    for (int i = 0; i < 8; i++) {
      var r = server.takeRequest(1);
      if (r == null) {
        break;
      }
      requests.add(r.getPath() + " " + r.getBody().readUtf8());
      if (requests.getLast().contains("/token")) {
        break;
      }
    }
    return requests;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}

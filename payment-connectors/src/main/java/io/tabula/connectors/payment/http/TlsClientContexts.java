package io.tabula.connectors.payment.http;

import io.tabula.connectors.payment.PaymentConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for calls to processors: the JDK's trust store or the CAs of one PEM file, TLS 1.3 and 1.2
 * only, full chain checks by the JDK's PKIX trust manager and host-name verification through
 * endpoint identification ({@code HTTPS}). There is deliberately no way to switch either off.
 *
 * <pre>{@code
 * SSLContext context = TlsClientContexts.trusting(Optional.of(Path.of("ca.pem")));
 * SSLEngine engine = TlsClientContexts.engine(context, "api.example.com", 443);
 * }</pre>
 */
public final class TlsClientContexts {

  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private TlsClientContexts() {}

  /** A context trusting the CAs in {@code caPem}, or the JDK's default CAs when empty. */
  public static SSLContext trusting(Optional<Path> caPem) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(caPem.isPresent() ? trustStore(caPem.get()) : null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new PaymentConfigurationException(
          "cannot build TLS trust (" + e.getClass().getSimpleName() + "); check payment.trusted-ca",
          e);
    }
  }

  private static KeyStore trustStore(Path pem) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new PaymentConfigurationException(
            "payment.trusted-ca " + pem + " holds no certificate; give a PEM file of CAs");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      return store;
    } catch (IOException e) {
      throw new PaymentConfigurationException(
          "cannot read payment.trusted-ca " + pem + "; check the path and permissions", e);
    }
  }

  /** A client engine for {@code host}, verifying the chain and that the certificate names it. */
  public static SSLEngine engine(SSLContext context, String host, int port) {
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setProtocols(PROTOCOLS);
    if (!isIpLiteral(host)) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    engine.setSSLParameters(parameters);
    return engine;
  }

  private static boolean isIpLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }
}

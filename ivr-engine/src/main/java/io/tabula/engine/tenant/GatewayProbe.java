package io.tabula.engine.tenant;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.connectors.payment.http.TlsClientContexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Connects to a payment gateway's endpoint and completes one TLS handshake with the same checks as
 * the connector (the tenant's CA or the JDK's, host name, TLS 1.3/1.2), sending no request and no
 * API key. For {@code tabula tenants check} and serve's start-up lines.
 *
 * <pre>{@code
 * Optional<String> problem = GatewayProbe.handshake(settings.gateway()); // empty: reachable
 * }</pre>
 */
public final class GatewayProbe {

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private GatewayProbe() {}

  /** Empty when the handshake succeeded; otherwise what is wrong and what to do. */
  public static Optional<String> handshake(GatewayConfig config) {
    URI endpoint = config.endpoint();
    String host = endpoint.getHost();
    int port = endpoint.getPort() == -1 ? 443 : endpoint.getPort();
    int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
    try {
      SSLContext context = TlsClientContexts.trusting(config.trustedCaPem());
      try (Socket raw = new Socket()) {
        raw.connect(new InetSocketAddress(host, port), timeout);
        raw.setSoTimeout(timeout);
        try (SSLSocket tls =
            (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, false)) {
          tls.setSSLParameters(parameters(tls.getSSLParameters(), host));
          tls.startHandshake();
        }
      }
      return Optional.empty();
    } catch (PaymentConfigurationException e) {
      return Optional.of(e.getMessage());
    } catch (IOException e) {
      return Optional.of(advice(e, host + ":" + port));
    }
  }

  private static SSLParameters parameters(SSLParameters parameters, String host) {
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setProtocols(PROTOCOLS);
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    return parameters;
  }

  static String advice(IOException error, String endpoint) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return "the gateway's certificate at " + endpoint + " has expired or is not yet valid";
      }
      if (t instanceof CertPathBuilderException) {
        return "the gateway's certificate at "
            + endpoint
            + " is not signed by a trusted CA;"
            + " set payment.trustedCa to the CA that issued it (default: the JDK trust store)";
      }
      if (message.contains("no subject alternative") || message.contains("no name matching")) {
        return "the gateway's certificate does not name "
            + endpoint
            + "; use the host name the"
            + " certificate lists in payment.endpoint";
      }
    }
    if (error instanceof UnknownHostException) {
      return "the gateway host of " + endpoint + " is not known to DNS; check payment.endpoint";
    }
    if (error instanceof ConnectException) {
      return "nothing accepts connections at " + endpoint + "; check payment.endpoint and firewall";
    }
    if (error instanceof SocketTimeoutException) {
      return "no answer from " + endpoint + " within payment.connectTimeout; check the firewall";
    }
    return "the TLS handshake with "
        + endpoint
        + " failed ("
        + error.getClass().getSimpleName()
        + "); check payment.endpoint and payment.trustedCa";
  }
}

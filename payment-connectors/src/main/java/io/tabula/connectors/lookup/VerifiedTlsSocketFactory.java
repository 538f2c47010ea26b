package io.tabula.connectors.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory pgjdbc uses for every tenant connection (its {@code sslfactory}). It
 * trusts the tenant's CA only, offers TLS 1.3 and 1.2 only whatever the JVM's defaults say, and
 * turns on the JDK's own host-name check in addition to pgjdbc's {@code verify-full} check.
 *
 * <p>pgjdbc creates it per connection with the connection's properties: {@value #CA_PROPERTY} names
 * the CA PEM file, {@value #KEY_STORE_PROPERTY} an optional PKCS#12 client key store and {@value
 * #KEY_STORE_PASSWORD_PROPERTY} its password. {@link ConnectionSettings} sets them.
 */
public final class VerifiedTlsSocketFactory extends SSLSocketFactory {

  static final String CA_PROPERTY = "sslrootcert";
  static final String KEY_STORE_PROPERTY = "tabulaClientKeyStore";
  static final String KEY_STORE_PASSWORD_PROPERTY = "tabulaClientKeyStorePassword";

  /** TLS versions Tabula accepts for customer data; anything older is refused. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLSocketFactory delegate;

  /** Called by pgjdbc through reflection with the connection's properties. */
  public VerifiedTlsSocketFactory(Properties properties) throws GeneralSecurityException {
    this.delegate = context(properties).getSocketFactory();
  }

  private static SSLContext context(Properties properties) throws GeneralSecurityException {
    String ca = properties.getProperty(CA_PROPERTY);
    if (ca == null || ca.isBlank()) {
      throw new GeneralSecurityException(
          "no CA certificate configured for the tenant database; set tls.caCertificate");
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(trustStore(Path.of(ca)));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(properties), trust.getTrustManagers(), new SecureRandom());
    return context;
  }

  private static KeyStore trustStore(Path caFile) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("tenant-ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new GeneralSecurityException("the CA file " + caFile + " holds no certificate");
      }
      return store;
    } catch (IOException e) {
      throw new GeneralSecurityException(
          "cannot read the tenant CA file " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static KeyManager[] keyManagers(Properties properties) throws GeneralSecurityException {
    String file = properties.getProperty(KEY_STORE_PROPERTY);
    if (file == null || file.isBlank()) {
      return null;
    }
    char[] password = properties.getProperty(KEY_STORE_PASSWORD_PROPERTY, "").toCharArray();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      return keys.getKeyManagers();
    } catch (IOException e) {
      throw new GeneralSecurityException(
          "cannot read the client key store " + file + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private Socket configure(Socket socket) {
    if (socket instanceof SSLSocket ssl) {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
      // pgjdbc checks the name after the handshake; the JDK checks it during the handshake, so a
      // misnamed certificate is refused before any byte of a query is sent.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(parameters);
    }
    return socket;
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    return configure(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}

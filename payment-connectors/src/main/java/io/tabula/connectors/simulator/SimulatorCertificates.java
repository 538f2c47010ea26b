package io.tabula.connectors.simulator;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.connectors.tls.PemFiles;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the simulator presents in its TLS handshakes: its server certificate, the host names that
 * certificate covers (the first one names the endpoint), and a certificate for another host that
 * {@link Fault#TLS_WRONG_HOST} swaps in.
 *
 * <pre>{@code
 * SimulatorCertificates.issuedBy(ca, List.of("simulator", "localhost"));      // tests, --ca-dir
 * SimulatorCertificates.fromPem(caPem, certPem, keyPem);                      // tabula certs output
 * }</pre>
 */
public record SimulatorCertificates(
    IssuedCertificate server, IssuedCertificate wrongHost, List<String> hostNames) {

  static final String WRONG_HOST = "not-the-processor.invalid";

  public SimulatorCertificates {
    hostNames = List.copyOf(hostNames);
    if (hostNames.isEmpty()) {
      throw new IllegalArgumentException(
          "the simulator's certificate names no host; give at least one host name");
    }
  }

  /** A server certificate for these names, and a wrong-host one, both issued by {@code ca}. */
  public static SimulatorCertificates issuedBy(DevCertificateAuthority ca, List<String> hostNames) {
    return new SimulatorCertificates(
        ca.issue(CertificateRequest.server(hostNames.toArray(String[]::new))),
        ca.issue(CertificateRequest.server(WRONG_HOST)),
        hostNames);
  }

  /**
   * A server certificate and key made elsewhere (PEM). Without that CA's key the wrong-host
   * certificate comes from a throwaway CA, so clients refuse it as well (as untrusted, not for its
   * name); the fault is for in-process tests, which use {@link #issuedBy}.
   */
  public static SimulatorCertificates fromPem(Path caCertificate, Path certificate, Path key) {
    IssuedCertificate server = PemFiles.readIssued(certificate, key, caCertificate);
    DevCertificateAuthority throwaway = DevCertificateAuthority.create("Tabula wrong-host CA");
    return new SimulatorCertificates(
        server,
        throwaway.issue(CertificateRequest.server(WRONG_HOST)),
        subjectAlternativeNames(server.certificate()));
  }

  /** DNS names first, then IP addresses, as the certificate lists them. */
  static List<String> subjectAlternativeNames(X509Certificate certificate) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      for (List<?> name : names == null ? List.<List<?>>of() : names) {
        int type = (Integer) name.get(0);
        if (type == 2) {
          dns.add((String) name.get(1));
        } else if (type == 7) {
          ips.add((String) name.get(1));
        }
      }
    } catch (CertificateParsingException e) {
      throw new IllegalArgumentException(
          "the simulator's certificate has unreadable subject alternative names; issue it with"
              + " 'tabula certs --server <host>'",
          e);
    }
    dns.addAll(ips);
    return dns;
  }
}

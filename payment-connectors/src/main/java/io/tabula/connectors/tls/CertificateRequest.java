package io.tabula.connectors.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a certificate is for: its name, its subject alternative names, its validity and whether it
 * identifies a server or a client.
 */
public record CertificateRequest(
    String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    boolean client) {

  public CertificateRequest {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /**
   * A server certificate valid for a year, for the given host names and IP addresses (each name
   * that parses as an IPv4 or IPv6 address goes into the IP list).
   */
  public static CertificateRequest server(String... names) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (String name : names) {
      if (name.matches("[0-9.]+") || name.contains(":")) {
        ips.add(name);
      } else {
        dns.add(name);
      }
    }
    Instant now = Instant.now();
    return new CertificateRequest(
        names.length == 0 ? "server" : names[0],
        dns,
        ips,
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(365)),
        false);
  }

  /** A client certificate (for mutual TLS) valid for a year. */
  public static CertificateRequest client(String commonName) {
    Instant now = Instant.now();
    return new CertificateRequest(
        commonName,
        List.of(),
        List.of(),
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(365)),
        true);
  }

  /** The same request with another validity, e.g. to make an expired certificate for a test. */
  public CertificateRequest validBetween(Instant from, Instant until) {
    return new CertificateRequest(commonName, dnsNames, ipAddresses, from, until, client);
  }
}

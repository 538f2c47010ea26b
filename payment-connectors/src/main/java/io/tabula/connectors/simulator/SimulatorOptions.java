package io.tabula.connectors.simulator;

import io.tabula.connectors.tls.DevCertificateAuthority;
import java.time.Duration;
import java.util.List;

/**
 * How to run a {@link GatewaySimulator}.
 *
 * @param certificates what the server presents; clients trust the CA that issued them
 * @param bindAddress the local address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the TCP port, 0 for any free one
 * @param apiKey the secret key clients must present ({@code Bearer}, {@code Basic} with the key as
 *     user, or {@code X-Api-Key}; a test key, not a secret)
 * @param latency an added delay before every reply, to model a processor's work
 * @param ioThreads the event-loop threads
 */
public record SimulatorOptions(
    SimulatorCertificates certificates,
    String bindAddress,
    int port,
    String apiKey,
    Duration latency,
    int ioThreads) {

  /** Loopback on a free port, no added latency, one I/O thread. */
  public static SimulatorOptions loopback(DevCertificateAuthority ca, String apiKey) {
    return new SimulatorOptions(
        SimulatorCertificates.issuedBy(ca, List.of("localhost", "127.0.0.1")),
        "127.0.0.1",
        0,
        apiKey,
        Duration.ZERO,
        1);
  }

  /** The names the server certificate covers; the first one names the endpoint. */
  public List<String> hostNames() {
    return certificates.hostNames();
  }

  public SimulatorOptions withLatency(Duration newLatency) {
    return new SimulatorOptions(certificates, bindAddress, port, apiKey, newLatency, ioThreads);
  }

  public SimulatorOptions withPort(int newPort) {
    return new SimulatorOptions(certificates, bindAddress, newPort, apiKey, latency, ioThreads);
  }

  public SimulatorOptions withBindAddress(String address) {
    return new SimulatorOptions(certificates, address, port, apiKey, latency, ioThreads);
  }
}

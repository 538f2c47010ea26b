package io.tabula.connectors.simulator;

import io.tabula.connectors.tls.DevCertificateAuthority;
import java.time.Duration;
import java.util.List;

/**
 * How to run a {@link GatewaySimulator}.
 *
 * @param ca the CA that issues the simulator's certificates (clients trust it)
 * @param hostNames the names and addresses the server certificate covers
 * @param port the TCP port, 0 for any free one
 * @param apiKey the secret key clients must present as {@code Bearer} (a test key, not a secret)
 * @param latency an added delay before every reply, to model a processor's work
 * @param ioThreads the event-loop threads
 */
public record SimulatorOptions(
    DevCertificateAuthority ca,
    List<String> hostNames,
    int port,
    String apiKey,
    Duration latency,
    int ioThreads) {

  public SimulatorOptions {
    hostNames = List.copyOf(hostNames);
  }

  /** Loopback on a free port, no added latency, one I/O thread. */
  public static SimulatorOptions loopback(DevCertificateAuthority ca, String apiKey) {
    return new SimulatorOptions(ca, List.of("localhost", "127.0.0.1"), 0, apiKey, Duration.ZERO, 1);
  }

  public SimulatorOptions withLatency(Duration newLatency) {
    return new SimulatorOptions(ca, hostNames, port, apiKey, newLatency, ioThreads);
  }

  public SimulatorOptions withPort(int newPort) {
    return new SimulatorOptions(ca, hostNames, newPort, apiKey, latency, ioThreads);
  }
}

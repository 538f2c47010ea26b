package io.tabula.connectors.simulator;

import io.tabula.connectors.tls.DevCertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the gateway simulator for the demo until interrupted: a fresh CA whose certificate is
 * written where the engine's {@code payment.trusted-ca} points.
 *
 * <pre>
 * java -cp ... io.tabula.connectors.simulator.SimulatorMain 8443 /tmp/tabula-sim sk_test_demo 50
 * </pre>
 *
 * Arguments: port, a directory for {@code ca.pem}, the test API key, the latency in milliseconds.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: SimulatorMain <port> <directory for ca.pem> <test api key> [latency ms]");
      System.exit(2);
    }
    Path directory = Files.createDirectories(Path.of(args[1]));
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula gateway simulator CA");
    Path caPem = directory.resolve("ca.pem");
    ca.writeCertificatePem(caPem);
    Duration latency = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 0);
    SimulatorOptions options =
        SimulatorOptions.loopback(ca, args[2])
            .withPort(Integer.parseInt(args[0]))
            .withLatency(latency);
    CountDownLatch stop = new CountDownLatch(1);
    try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      System.out.println(
          "Gateway simulator on "
              + simulator.endpoint()
              + "; trust "
              + caPem
              + "; Ctrl-C stops it");
      stop.await();
    }
  }
}

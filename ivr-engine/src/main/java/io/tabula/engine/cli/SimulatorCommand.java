package io.tabula.engine.cli;

import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorCertificates;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabula simulator}: runs the gateway simulator (a Stripe-compatible card processor with
 * Stripe's test cards) in the foreground until Ctrl-C, for the Docker stack and for trying a
 * tenant's payment settings. Its certificate comes either from a fresh CA whose {@code ca.pem} it
 * writes ({@code --ca-dir}, names from {@code --host}) or from PEM files ({@code --ca --cert
 * --key}, e.g. from {@code tabula certs}). At the end it prints what it charged.
 *
 * <pre>
 * tabula simulator --port 8443                     # https://localhost:8443, CA and a fresh api-key in $TMPDIR/tabula-simulator
 * tabula simulator --api-key-file sim.key          # the same with your own key
 * tabula simulator --address 0.0.0.0 --host simulator,localhost --api-key-file /run/secrets/simulator-key
 * </pre>
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Run the gateway simulator (Stripe-compatible test processor) until Ctrl-C.",
      "Read what it charged with GET /v1/charges and the API key."
    })
final class SimulatorCommand implements Callable<Integer> {

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--port",
      defaultValue = "8443",
      description = "HTTPS port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      split = ",",
      defaultValue = "localhost,127.0.0.1",
      description =
          "Names the generated certificate covers; the first names the endpoint. In Docker"
              + " Compose: the service name (default: ${DEFAULT-VALUE}).")
  List<String> hosts;

  @Option(
      names = "--ca-dir",
      defaultValue = "${sys:java.io.tmpdir}/tabula-simulator",
      description =
          "Folder for ca.pem of a fresh CA, for clients to trust (default: ${DEFAULT-VALUE}).")
  Path caDirectory;

  @Option(
      names = "--ca",
      description = "CA certificate (PEM) that issued --cert, instead of --ca-dir.")
  Path caCertificate;

  @Option(names = "--cert", description = "Server certificate (PEM), e.g. from 'tabula certs'.")
  Path certificate;

  @Option(names = "--key", description = "Unencrypted private key (PEM) of --cert.")
  Path key;

  @Option(
      names = "--api-key-file",
      description =
          "File holding the API key clients must send (e.g. sk_test_...). Without it, a fresh"
              + " test key is written to api-key in --ca-dir and printed.")
  Path apiKeyFile;

  /** The key made for this run when no --api-key-file was given. */
  private boolean generatedKey;

  @Option(
      names = "--latency",
      defaultValue = "0ms",
      converter = CommandLineDuration.class,
      description = "Delay before every reply, like 50ms or 1s (default: ${DEFAULT-VALUE}).")
  Duration latency;

  @Spec CommandSpec spec;

  private final SimulatorLifecycle lifecycle;

  SimulatorCommand() {
    this(null);
  }

  /** With a lifecycle a test controls; {@code null} means Ctrl-C stops the run. */
  SimulatorCommand(SimulatorLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() throws InterruptedException {
    SimulatorLifecycle run = lifecycle != null ? lifecycle : onShutdownHook();
    try {
      Optional<SimulatorOptions> options = options();
      if (options.isEmpty()) {
        return 2;
      }
      GatewaySimulator simulator;
      try {
        simulator = GatewaySimulator.start(options.get());
      } catch (IllegalStateException e) {
        return fail(e.getMessage());
      }
      try (simulator) {
        printStarted(simulator);
        run.markStarted(simulator);
        run.awaitStop();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Gateway simulator stopped: " + simulator.ledger().summary());
        out.flush();
      }
      return 0;
    } finally {
      run.markStopped();
    }
  }

  private static SimulatorLifecycle onShutdownHook() {
    SimulatorLifecycle run = new SimulatorLifecycle();
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("tabula-simulator-stop")
                .unstarted(
                    () -> {
                      try {
                        run.stopAndWait(Duration.ofSeconds(5));
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    return run;
  }

  /** Checks the cheap options first, so that a mistake there writes no CA to disk. */
  private Optional<SimulatorOptions> options() {
    Optional<String> apiKey = apiKeyFile == null ? Optional.of("") : apiKey();
    if (apiKey.isEmpty()) {
      return Optional.empty();
    }
    Optional<SimulatorCertificates> certificates = certificates();
    Optional<String> key = apiKeyFile == null ? certificates.flatMap(c -> newApiKey()) : apiKey;
    return key.flatMap(
        k -> certificates.map(c -> new SimulatorOptions(c, address, port, k, latency, 1)));
  }

  /**
   * A fresh Stripe-style test key, written owner-only to {@code api-key} in the CA folder for
   * clients to read. A test key of a simulator, not anyone's secret: it is printed too.
   */
  private Optional<String> newApiKey() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder key = new StringBuilder("sk_test_");
    for (int i = 0; i < 24; i++) {
      key.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    Path file = caDirectory.resolve("api-key");
    try {
      Files.createDirectories(caDirectory);
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
    } catch (IOException | UnsupportedOperationException e) {
      fail(
          "cannot write the API key to "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); give a --ca-dir this user can write, or an --api-key-file");
      return Optional.empty();
    }
    apiKeyFile = file;
    generatedKey = true;
    return Optional.of(key.toString());
  }

  /** The simulator's key is a test key, so it may be a String; it must not be empty. */
  private Optional<String> apiKey() {
    try {
      String text = Files.readString(apiKeyFile, StandardCharsets.US_ASCII).strip();
      if (text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        fail(apiKeyFile + " must hold one API key of printable ASCII, such as sk_test_...");
        return Optional.empty();
      }
      return Optional.of(text);
    } catch (IOException e) {
      fail(
          "cannot read the API key from "
              + apiKeyFile
              + " ("
              + e.getClass().getSimpleName()
              + "); create it, e.g. echo sk_test_$RANDOM > "
              + apiKeyFile);
      return Optional.empty();
    }
  }

  private Optional<SimulatorCertificates> certificates() {
    boolean pem = caCertificate != null || certificate != null || key != null;
    try {
      if (pem && (caCertificate == null || certificate == null || key == null)) {
        fail("give --ca, --cert and --key together (or none of them, to use --ca-dir)");
        return Optional.empty();
      }
      return Optional.of(
          pem ? SimulatorCertificates.fromPem(caCertificate, certificate, key) : freshAuthority());
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(e.getMessage());
      return Optional.empty();
    }
  }

  private SimulatorCertificates freshAuthority() {
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula gateway simulator CA");
    Path caPem = caDirectory.resolve("ca.pem");
    try {
      Files.createDirectories(caDirectory);
      ca.writeCertificatePem(caPem);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new IllegalStateException(
          "cannot write "
              + caPem
              + " ("
              + e.getClass().getSimpleName()
              + "); give a --ca-dir this user can write",
          e);
    }
    caCertificate = caPem;
    return SimulatorCertificates.issuedBy(ca, hosts);
  }

  private void printStarted(GatewaySimulator simulator) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Gateway simulator on %s (listening on %s:%d)%n",
        simulator.endpoint(), address, simulator.port());
    out.printf("  clients trust  %s%n", caCertificate);
    if (generatedKey) {
      out.printf("  API key        %s (in %s)%n", simulator.options().apiKey(), apiKeyFile);
      out.printf(
          "  try it         curl --cacert %s -u %s: %s/v1/charges%n",
          caCertificate, simulator.options().apiKey(), simulator.endpoint());
    } else {
      out.printf("  API key        %s%n", apiKeyFile);
    }
    out.printf("  ledger         GET %s/v1/charges with that key%n", simulator.endpoint());
    out.println("Ctrl-C stops it and prints what it charged.");
    out.flush();
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("tabula simulator: " + message);
    err.flush();
    return 2;
  }
}

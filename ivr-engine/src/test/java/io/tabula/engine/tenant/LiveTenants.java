package io.tabula.engine.tenant;

import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.engine.demo.DemoTenantFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real parts tenant files point at, started once per test JVM: the embedded PostgreSQL 17 with
 * TLS and the demo data, and the gateway simulator with its own CA. Both stop with the JVM
 * (shutdown hooks). {@link #write(Path)} writes the demo's tenant files for them into a folder.
 */
public final class LiveTenants {

  public static final String GATEWAY_KEY = "sk_test_tenants_live";

  private static LiveTenants shared;

  public final DemoDatabase database;
  public final GatewaySimulator simulator;
  public final Path gatewayCa;
  public final Path keyFile;

  private LiveTenants(DemoDatabase database, GatewaySimulator simulator, Path files) {
    this.database = database;
    this.simulator = simulator;
    this.gatewayCa = files.resolve("gateway-ca.pem");
    this.keyFile = files.resolve("gateway.key");
  }

  public static synchronized LiveTenants get() {
    if (shared == null) {
      try {
        Path files = Files.createTempDirectory("tabula-live-tenants-");
        DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula tenants test CA");
        ca.writeCertificatePem(files.resolve("gateway-ca.pem"));
        Files.writeString(files.resolve("gateway.key"), GATEWAY_KEY + "\n");
        GatewaySimulator simulator =
            GatewaySimulator.start(SimulatorOptions.loopback(ca, GATEWAY_KEY));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        DemoDatabase database =
            DemoDatabase.install(EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults()));
        shared = new LiveTenants(database, simulator, files);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Writes city.yaml and utility.yaml (and the password file) into {@code dir}. */
  public Path write(Path dir) {
    return DemoTenantFiles.write(dir, database, simulator.endpoint(), keyFile, gatewayCa);
  }

  /**
   * Points {@code tenant}'s database in the files {@link #write} made at a loopback port nothing
   * listens on, so connecting fails at once.
   *
   * @return that port
   */
  public int pointDatabaseAtClosedPort(Path dir, String tenant) {
    try {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      pointDatabaseAt(dir, tenant, closedPort);
      return closedPort;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points {@code tenant}'s database in the files {@link #write} made at a loopback port. */
  public void pointDatabaseAt(Path dir, String tenant, int port) {
    try {
      Path file = dir.resolve(tenant + ".yaml");
      Files.writeString(
          file,
          Files.readString(file).replace("port: " + database.postgres().port(), "port: " + port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

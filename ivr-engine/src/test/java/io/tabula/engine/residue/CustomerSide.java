package io.tabula.engine.residue;

import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.engine.demo.DemoTenantFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the engine talks to in the residue test, run inside the test JVM: the customer's database
 * (embedded PostgreSQL 17 with TLS and the demo data, as in {@code ./tabula demo}) and the card
 * processor (the gateway simulator over HTTPS). It writes the tenant files that point the engine at
 * both, in the format {@code serve} reads from {@code tenants.dir}.
 *
 * <pre>{@code
 * try (CustomerSide side = CustomerSide.start(configDir)) {
 *   Path tenants = side.tenantsDir();
 *   ...
 *   side.checkpoint();
 *   Path data = side.dataDirectory();
 * }
 * }</pre>
 */
public final class CustomerSide implements AutoCloseable {

  /** Stripe-style test key of the simulator; not anyone's secret. */
  private static final String SIMULATOR_KEY = "sk_test_tabula_residue";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EmbeddedPostgres postgres;
  private DemoDatabase database;
  private GatewaySimulator simulator;
  private Path tenantsDir;

  private CustomerSide() {}

  /** Starts PostgreSQL and the simulator and writes the tenant files under {@code configDir}. */
  public static CustomerSide start(Path configDir) throws IOException {
    CustomerSide side = new CustomerSide();
    try {
      side.startAll(configDir);
      return side;
    } catch (IOException | RuntimeException e) {
      side.close();
      throw e;
    }
  }

  private void startAll(Path configDir) throws IOException {
    postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    started.push(postgres);
    database = DemoDatabase.install(postgres);
    DevCertificateAuthority gatewayCa = DevCertificateAuthority.create("Residue test gateway CA");
    simulator = GatewaySimulator.start(SimulatorOptions.loopback(gatewayCa, SIMULATOR_KEY));
    started.push(simulator);
    Path secrets = Files.createDirectories(configDir.resolve("secrets"));
    Path gatewayCaFile = secrets.resolve("gateway-ca.pem");
    gatewayCa.writeCertificatePem(gatewayCaFile);
    // The same tenant files the demo writes: the shipped flows' connectors, over verified TLS.
    tenantsDir =
        DemoTenantFiles.write(
            configDir.resolve("tenants"),
            database,
            simulator.endpoint(),
            ownerOnly(secrets.resolve("gateway-api-key"), SIMULATOR_KEY),
            gatewayCaFile);
  }

  private static Path ownerOnly(Path file, String content) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }

  public Path tenantsDir() {
    return tenantsDir;
  }

  public GatewaySimulator simulator() {
    return simulator;
  }

  EmbeddedPostgres postgres() {
    return postgres;
  }

  /**
   * Makes the server log every statement with its parameters (what a cautious DBA might switch on),
   * so the server log shows what the engine sent and would show card data if it ever did.
   */
  void logEveryStatement() throws SQLException {
    try (Connection admin = postgres.connectAsSuperuser("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("alter system set log_statement = 'all'");
      statement.execute("select pg_reload_conf()");
    }
  }

  /**
   * Stores two known values in a table of the customer's database: the scan of the data files must
   * find them, which shows that it reads what the server wrote (tables and WAL).
   */
  void plantCanary(String cardNumber, String expiryThenCvc) throws SQLException {
    try (Connection admin = postgres.connectAsSuperuser(DemoDatabase.DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("create table residue_canary (value text not null)");
      statement.execute(
          "insert into residue_canary values ('" + cardNumber + "'), ('" + expiryThenCvc + "')");
    }
  }

  /** Writes every dirty page to the data files, so the scan reads what the server holds. */
  void checkpoint() throws SQLException {
    try (Connection admin = postgres.connectAsSuperuser("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("checkpoint");
    }
  }

  /** The server's data directory as the server reports it (with WAL under pg_wal). */
  Path dataDirectory() throws SQLException {
    try (Connection admin = postgres.connectAsSuperuser("postgres");
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery("show data_directory")) {
      row.next();
      return Path.of(row.getString(1));
    }
  }

  /** Stops the simulator and PostgreSQL (which deletes its data), newest first. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // Keep stopping the rest; EmbeddedPostgres also has a shutdown hook.
        System.err.println("Stopping a residue-test part failed: " + e.getClass().getSimpleName());
      }
    }
  }
}

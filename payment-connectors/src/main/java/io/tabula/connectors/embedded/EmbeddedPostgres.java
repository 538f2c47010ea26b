package io.tabula.connectors.embedded;

import io.tabula.connectors.lookup.VerifiedTlsSocketFactory;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 on a free loopback port, from the binaries on Maven Central, with TLS on
 * (certificates made at start by {@link DevCertificateAuthority}). For the demo and the tests. When
 * the JVM runs as root the server runs as {@code nobody}; it never outlives the JVM (it dies with
 * the thread that started it, and a shutdown hook stops it on a normal exit).
 *
 * <pre>{@code
 * try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
 *   DemoDatabase demo = DemoDatabase.install(postgres);
 *   TenantDatabaseConfig config = demo.tenantConfig("springfield");
 * }
 * }</pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final String SUPERUSER = "postgres";

  /** The role that logs in with the client certificate (hba method {@code cert}). */
  public static final String CERTIFICATE_ROLE = "tabula_mtls";

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmbeddedPostgresOptions options;
  private final ServerUser user = ServerUser.detect();

  /** The name of each server's temporary folder starts with this. */
  public static final String FOLDER_PREFIX = "tabula-postgres-";

  private final Path home;
  private final Path base;
  private final Path data;
  private final int port;
  private final String superuserPassword;
  private final ServerTls tls;
  private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::stopAndDelete);
  private volatile ServerProcess server;
  private volatile boolean closed;

  private EmbeddedPostgres(EmbeddedPostgresOptions options) throws IOException {
    this.options = options;
    this.home = PostgresBinaries.unpack(options.cacheDirectory());
    // A temporary folder is marked with this process, so that a later demo removes it if this JVM
    // is killed; a kept folder (the demo's journal) is the caller's to keep.
    this.base =
        options.keptDirectory().isPresent()
            ? Files.createDirectories(options.keptDirectory().get())
            : OwnedTempFolder.createMarked(FOLDER_PREFIX);
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
    this.data = base.resolve("data");
    this.superuserPassword = superuserPassword(options, base);
    this.port = freeLoopbackPort();
    this.tls = ServerTls.create(base, CERTIFICATE_ROLE, randomPassword());
  }

  /**
   * A fresh random password, or for kept data the one initdb was given the first time (kept in a
   * 0600 file beside the data: whoever can read the data can read it too).
   */
  private static String superuserPassword(EmbeddedPostgresOptions options, Path base)
      throws IOException {
    if (options.keptDirectory().isEmpty()) {
      return randomPassword();
    }
    Path file = base.resolve("superuser-password");
    if (Files.exists(file) && Files.exists(base.resolve("data/PG_VERSION"))) {
      return Files.readString(file).strip();
    }
    String password = randomPassword();
    Files.writeString(file, password);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  private boolean kept() {
    return options.keptDirectory().isPresent();
  }

  /** Unpacks the binaries if needed, runs initdb and starts the server. */
  public static EmbeddedPostgres start(EmbeddedPostgresOptions options) {
    try {
      EmbeddedPostgres postgres = new EmbeddedPostgres(options);
      postgres.initdb();
      Runtime.getRuntime().addShutdownHook(postgres.shutdownHook);
      postgres.startServer();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the embedded PostgreSQL folders", e);
    }
  }

  private void initdb() throws IOException {
    if (kept() && Files.exists(data.resolve("PG_VERSION"))) {
      // Data from an earlier start: only the access rules and the new certificates change.
      user.own(base);
      Files.writeString(data.resolve("pg_hba.conf"), HbaRules.render(options));
      user.own(data.resolve("pg_hba.conf"));
      return;
    }
    Path passwordFile = base.resolve("pwfile");
    Files.writeString(passwordFile, superuserPassword);
    Files.createDirectories(base.resolve("socket"));
    user.own(base);
    // base stays 0700 but must be enterable by the server user, who now owns it.
    List<String> command =
        List.of(
            home.resolve("bin/initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + passwordFile,
            "-A",
            "scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync");
    run(command, "initdb");
    Files.delete(passwordFile);
    Files.writeString(data.resolve("pg_hba.conf"), HbaRules.render(options));
    user.own(data.resolve("pg_hba.conf"));
  }

  private void run(List<String> command, String what) throws IOException {
    Process process =
        new ProcessBuilder(user.wrap(command))
            .directory(base.toFile())
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(options.startTimeout().toSeconds(), TimeUnit.SECONDS)
          || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            what
                + " failed (exit "
                + process.exitValue()
                + "); its output:"
                + System.lineSeparator()
                + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what + " ran", e);
    }
  }

  private void startServer() {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString()));
    ServerSettings.arguments(port, base.resolve("socket"), options.tls() ? tls : null)
        .forEach(argument -> command.addAll(List.of("-c", argument)));
    server = ServerProcess.start(user.wrap(command), base, options.startTimeout());
  }

  /** Starts the server again after {@link #stop()}, on the same port with the same data. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("this embedded PostgreSQL is closed; start a new one");
    }
    if (server == null || !server.isAlive()) {
      startServer();
    }
  }

  /** Fast shutdown: sessions end at once, the data stays for {@link #restart()}. */
  public synchronized void stop() {
    ServerProcess current = server;
    if (current != null) {
      current.stop(STOP_GRACE);
    }
  }

  public boolean isRunning() {
    ServerProcess current = server;
    return current != null && current.isAlive();
  }

  /** The server's process id (PostgreSQL's postmaster). */
  public long pid() {
    return server.pid();
  }

  /** The folder with this server's data, sockets and certificates (deleted by close()). */
  Path root() {
    return base;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  public boolean tlsEnabled() {
    return options.tls();
  }

  /** The CA that issued the server's and the client's certificates. */
  public DevCertificateAuthority authority() {
    return tls.authority();
  }

  /** PEM file of the CA, for a client's {@code sslrootcert}. */
  public Path caCertificate() {
    return tls.caCertificate();
  }

  /** PKCS#12 file with the client certificate of {@link #CERTIFICATE_ROLE}. */
  public Path clientKeyStore() {
    return tls.clientKeyStore();
  }

  public String clientKeyStorePassword() {
    return tls.clientKeyStorePassword();
  }

  /** A superuser connection (TLS verified when the server has TLS), for setup and inspection. */
  public Connection connectAsSuperuser(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", superuserPassword);
    if (options.tls()) {
      properties.setProperty("sslmode", "verify-full");
      properties.setProperty("sslfactory", VerifiedTlsSocketFactory.class.getName());
      properties.setProperty("sslrootcert", tls.caCertificate().toString());
    } else {
      properties.setProperty("sslmode", "disable");
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + port + "/" + database, properties);
  }

  /** Stops the server and deletes its data (kept data stays); safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running or has run.
    }
    if (kept()) {
      return;
    }
    try {
      PostgresBinaries.deleteTree(base);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + base + "; delete it by hand", e);
    }
  }

  /** The shutdown hook's work: stop the server and delete its folders. */
  private void stopAndDelete() {
    stop();
    if (kept()) {
      return;
    }
    try {
      PostgresBinaries.deleteTree(base);
    } catch (IOException e) {
      // The JVM is exiting; a leftover temporary folder is all that remains.
    }
  }

  static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder password = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}

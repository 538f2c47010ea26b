package io.tabula.connectors.lookup;

import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.DemoLookups;
import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same lookup contract against PostgreSQL 17 in Docker, with TLS switched on by certificates
 * from {@link DevCertificateAuthority}. Skipped where no Docker engine runs (as on the build
 * machines of this project).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresLookupTest extends LookupContract {

  /**
   * The official image starts as root and drops to {@code postgres}; the key must belong to {@code
   * postgres} with mode 0600, so it is installed before the image's own entrypoint runs.
   */
  private static final String INSTALL_TLS_THEN_START =
      "install -o postgres -g postgres -m 0600 /tls-in/server.key /var/lib/postgresql/server.key"
          + " && install -o postgres -g postgres -m 0644 /tls-in/server.crt"
          + " /var/lib/postgresql/server.crt && exec docker-entrypoint.sh \"$@\"";

  private PostgreSQLContainer container;
  private Path caFile;
  private String readerPassword;

  @BeforeAll
  void startContainer() throws Exception {
    Path folder = Files.createTempDirectory("tabula-tc-tls");
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula container CA");
    String host = DockerClientFactory.instance().dockerHostIpAddress();
    IssuedCertificate server = ca.issue(CertificateRequest.server(host, "localhost", "127.0.0.1"));
    server.writePem(folder.resolve("server.crt"), folder.resolve("server.key"));
    caFile = folder.resolve("ca.pem");
    ca.writeCertificatePem(caFile);

    container =
        new PostgreSQLContainer("postgres:17-alpine")
            .withCopyFileToContainer(
                MountableFile.forHostPath(folder.resolve("server.crt")), "/tls-in/server.crt")
            .withCopyFileToContainer(
                MountableFile.forHostPath(folder.resolve("server.key")), "/tls-in/server.key")
            .withCreateContainerCmdModifier(
                cmd -> cmd.withEntrypoint("sh", "-c", INSTALL_TLS_THEN_START, "entrypoint"))
            .withCommand(
                "postgres",
                "-c",
                "ssl=on",
                "-c",
                "ssl_cert_file=/var/lib/postgresql/server.crt",
                "-c",
                "ssl_key_file=/var/lib/postgresql/server.key",
                "-c",
                "ssl_min_protocol_version=TLSv1.2");
    container.start();

    readerPassword = "reader-" + Long.toHexString(System.nanoTime());
    try (Connection admin = connect("postgres")) {
      DemoDatabase.createRolesAndDatabase(admin, readerPassword);
    }
    try (Connection admin = connect(DemoDatabase.DATABASE)) {
      DemoDatabase.loadSchemaAndSeed(admin);
    }
    openLookups();
  }

  /** Not a lifecycle method here: the lookups open once the container runs (see above). */
  @Override
  void openLookups() {
    super.openLookups();
  }

  @AfterAll
  void stopContainer() {
    if (container != null) {
      container.stop();
    }
  }

  @Override
  TenantDatabaseConfig demoConfig(String tenant) {
    return TenantDatabaseConfig.postgresql(
            tenant,
            container.getHost(),
            container.getMappedPort(5432),
            DemoDatabase.DATABASE,
            DemoDatabase.READER,
            readerPassword,
            TlsSettings.verifyServer(caFile))
        .withLookups(DemoLookups.all());
  }

  @Override
  TenantDatabaseConfig certificateConfig(String tenant) {
    return null; // the image's pg_hba has no certificate login
  }

  @Override
  Connection admin() throws SQLException {
    return connect(DemoDatabase.DATABASE);
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", container.getUsername());
    properties.setProperty("password", container.getPassword());
    properties.setProperty("sslmode", "verify-full");
    properties.setProperty("sslfactory", VerifiedTlsSocketFactory.class.getName());
    properties.setProperty("sslrootcert", caFile.toString());
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + container.getHost()
            + ":"
            + container.getMappedPort(5432)
            + "/"
            + database,
        properties);
  }
}

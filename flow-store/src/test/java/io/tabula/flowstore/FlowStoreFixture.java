package io.tabula.flowstore;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (TLS on) with the flow store installed, shared by the tests of this JVM
 * that do not stop it; each test takes its own tenant ({@link #newTenant()}) so they never see each
 * other's versions.
 */
final class FlowStoreFixture {

  private static final AtomicInteger NEXT_TENANT = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static FlowStoreDatabase database;

  private FlowStoreFixture() {}

  static synchronized FlowStoreDatabase database() {
    if (database == null) {
      postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
      database = install(postgres);
    }
    return database;
  }

  static synchronized EmbeddedPostgres server() {
    database();
    return postgres;
  }

  static FlowStoreDatabase install(EmbeddedPostgres server) {
    try {
      return EmbeddedFlowStore.install(server, Files.createTempDirectory("tabula-flow-store-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FlowCompiler compiler() {
    return new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC())));
  }

  static String newTenant() {
    return "t" + NEXT_TENANT.incrementAndGet() + "_" + ProcessHandle.current().pid();
  }

  /** The shipped parking flow as tenant {@code tenant}'s, with {@code marker} as a last comment. */
  static String parkingFlow(String tenant, String marker) {
    String shipped = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    if (!shipped.contains("tenant: city\n")) {
      throw new IllegalStateException("the shipped parking flow no longer says 'tenant: city'");
    }
    return shipped.replace("tenant: city\n", "tenant: " + tenant + "\n") + "\n# " + marker + "\n";
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("tabula-flow-store-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

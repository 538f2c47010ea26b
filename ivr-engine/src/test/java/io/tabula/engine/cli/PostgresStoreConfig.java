package io.tabula.engine.cli;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.EmbeddedFlowStore;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Engines on the shared PostgreSQL flow store, for tests that start {@code tabula serve}: install
 * the store in an embedded PostgreSQL, add {@link #lines} to the engine's {@code tabula.yaml}, and
 * publish with {@link #publisher} (the console's and {@code tabula flows publish}'s store).
 *
 * <pre>{@code
 * FlowStoreDatabase store = EmbeddedFlowStore.install(postgres, dir);
 * PostgresStoreConfig.publishShipped(store, "city/parking-ticket.yaml", "first");
 * lines.addAll(PostgresStoreConfig.lines(store, Duration.ofMinutes(10)));
 * }</pre>
 */
public final class PostgresStoreConfig {

  private PostgresStoreConfig() {}

  /** Installs the store in {@code postgres}, its password file in {@code dir}. */
  public static FlowStoreDatabase install(EmbeddedPostgres postgres, Path dir) throws IOException {
    return EmbeddedFlowStore.install(postgres, dir);
  }

  /** The {@code tabula.yaml} lines of an engine on {@code store}, checking every {@code poll}. */
  public static List<String> lines(FlowStoreDatabase store, Duration poll) {
    return List.of(
        "flows.store: postgres",
        "flows.pollInterval: " + poll.toMillis() + "ms",
        "flows.postgres.url: " + store.url(),
        "flows.postgres.user: " + store.user(),
        "flows.postgres.passwordFile: " + store.passwordFile(),
        "flows.postgres.caCertificate: " + store.caCertificate());
  }

  /** A publisher on {@code store} whose flows compile against the demo's connectors; close it. */
  public static PostgresFlowStore publisher(FlowStoreDatabase store) throws IOException {
    return PostgresFlowStore.open(
        store, new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()))));
  }

  /**
   * Publishes a shipped flow ({@code city/parking-ticket.yaml}) with {@code marker} as a last
   * comment, so each publish is a new text; returns the version.
   */
  public static int publishShipped(FlowStoreDatabase store, String file, String marker)
      throws Exception {
    String text = ShippedFlowFiles.read(file).orElseThrow() + "\n# " + marker + "\n";
    try (PostgresFlowStore publisher = publisher(store)) {
      return publisher.publish(file, text, new Publication("test", marker));
    }
  }
}

package io.tabula.engine.cli;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.Publication;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The flow store that several engines share in {@link EngineTrio}: what their {@code tabula.yaml}
 * says about it, and how the test publishes into it: one folder every engine polls, or the
 * PostgreSQL store every engine follows by LISTEN/NOTIFY.
 */
interface SharedFlowStore {

  /** The lines of each engine's {@code tabula.yaml} that point it at this store. */
  List<String> settings();

  /**
   * Publishes {@code text} as a new version, as {@code tabula flows publish} does.
   *
   * @param file the flow's file name, e.g. {@code city/parking-ticket.yaml}
   */
  void publish(String file, String text) throws Exception;

  /** One folder, polled by every engine every 100 ms. */
  static SharedFlowStore directory(Path folder) {
    FlowStore store =
        new FlowStore(
            folder,
            new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()))));
    return new SharedFlowStore() {
      @Override
      public List<String> settings() {
        return List.of("flows.store: " + folder, "flows.pollInterval: 100ms");
      }

      @Override
      public void publish(String file, String text) throws Exception {
        store.publish(file, text);
      }

      @Override
      public String toString() {
        return "directory store " + folder;
      }
    };
  }

  /**
   * The PostgreSQL store (installed with {@link PostgresStoreConfig#install}), followed by
   * LISTEN/NOTIFY; the periodic check is ten minutes, so only a NOTIFY explains a publish seen
   * sooner.
   */
  static SharedFlowStore postgres(FlowStoreDatabase database) {
    return new SharedFlowStore() {
      @Override
      public List<String> settings() {
        return PostgresStoreConfig.lines(database, Duration.ofMinutes(10));
      }

      @Override
      public void publish(String file, String text) throws Exception {
        try (PostgresFlowStore publisher = PostgresStoreConfig.publisher(database)) {
          publisher.publish(file, text, new Publication("test", ""));
        }
      }

      @Override
      public String toString() {
        return "PostgreSQL store " + database.url();
      }
    };
  }
}

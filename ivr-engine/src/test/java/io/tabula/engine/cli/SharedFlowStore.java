package io.tabula.engine.cli;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The flow store that several engines share in {@link EngineTrio}: what their {@code tabula.yaml}
 * says about it, and how the test publishes into it. The directory store is one folder all engines
 * poll; a database store plugs in the same way.
 */
interface SharedFlowStore extends AutoCloseable {

  /** The lines of each engine's {@code tabula.yaml} that point it at this store. */
  List<String> settings();

  /** Publishes {@code flowFile} as a new version, as {@code tabula flows publish} does. */
  void publish(Path flowFile) throws Exception;

  @Override
  default void close() {}

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
      public void publish(Path flowFile) throws Exception {
        store.publish(flowFile);
      }

      @Override
      public String toString() {
        return "directory store " + folder;
      }
    };
  }
}

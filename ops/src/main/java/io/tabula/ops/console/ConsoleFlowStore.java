package io.tabula.ops.console;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.PostgresFlowStore;
import io.tabula.ops.flows.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The flow store {@code tabula console} edits and publishes to: the folder {@code --store} names,
 * the store the engines' settings name ({@code --engine-config}: a folder, or the shared PostgreSQL
 * store with the drafts in a local folder), or, with neither, a new one with the shipped flows.
 *
 * @param flows the store's folder; with the shared PostgreSQL store, the drafts' folder
 * @param shared the shared PostgreSQL store, when the engines' settings name it
 */
record ConsoleFlowStore(Path flows, Optional<FlowStoreDatabase> shared) {

  /** The store options cannot be used; the message says what to change. */
  static final class UnusableStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableStoreException(String message) {
      super(message);
    }
  }

  /**
   * The store {@code --store} or {@code --engine-config} names (either may be null), with the
   * drafts of a PostgreSQL store in {@code drafts} or a new folder of {@code work}; empty when
   * neither is given.
   */
  static Optional<ConsoleFlowStore> named(Path store, Path engineConfig, Path drafts, Path work)
      throws IOException, UnusableStoreException {
    if (engineConfig == null) {
      return Optional.ofNullable(store)
          .map(folder -> new ConsoleFlowStore(folder, Optional.empty()));
    }
    if (store != null) {
      throw new UnusableStoreException("give --store or --engine-config, not both");
    }
    StoreLocation location = engineLocation(engineConfig);
    if (location.postgres().isPresent()) {
      Path draftFolder = drafts != null ? drafts : Files.createDirectories(work.resolve("drafts"));
      return Optional.of(new ConsoleFlowStore(draftFolder, location.postgres()));
    }
    return location.folder().map(folder -> new ConsoleFlowStore(folder, Optional.empty()));
  }

  /**
   * A new store in {@code work} with the shipped flows (see {@link SeededStore}); tells on {@code
   * out} which of them wait for prompt audio.
   */
  static ConsoleFlowStore seeded(
      Path work, Connectors connectors, Clock clock, ConsoleSounds audio, PrintWriter out)
      throws IOException {
    SeededStore seeded = SeededStore.seed(work.resolve("flows"), connectors, clock, audio);
    if (!seeded.awaitingAudio().isEmpty()) {
      out.println(
          "Shipped flows kept as drafts, their prompts have no audio yet: "
              + seeded.awaitingAudio().stream().map(FlowRef::toString).toList()
              + "; render it with ./tabula prompts render (into the checkout's sounds/, or"
              + " --sounds DIR and start the console with the same --sounds), then publish them"
              + " in the console");
    }
    return new ConsoleFlowStore(seeded.root(), Optional.empty());
  }

  /** The tenants that have flows in the store, sorted. */
  List<String> tenants(Connectors connectors, Clock clock) throws IOException {
    ConnectorCatalog catalog = ConnectorCatalog.of(connectors);
    ConsoleSounds noSounds = new ConsoleSounds(List.of());
    if (shared.isEmpty()) {
      return tenants(new FlowLibrary(flows, catalog, clock, noSounds));
    }
    try (PostgresFlowStore store =
        PostgresFlowStore.open(shared.get(), new FlowCompiler(catalog))) {
      return tenants(new FlowLibrary(flows, store, catalog, noSounds));
    }
  }

  private static List<String> tenants(FlowLibrary library) throws IOException {
    return library.flows().stream().map(FlowRef::tenant).distinct().sorted().toList();
  }

  /** Where the store is, for the console's start-up lines. */
  String describe() {
    return shared.map(db -> db.url() + " (drafts in " + flows + ")").orElse(flows.toString());
  }

  private static StoreLocation engineLocation(Path engineConfig) throws UnusableStoreException {
    try {
      return StoreLocation.fromEngineConfig(engineConfig, System.getenv());
    } catch (IOException e) {
      throw new UnusableStoreException(
          engineConfig
              + ": cannot read the engines' settings file ("
              + e.getClass().getSimpleName()
              + "); check the path and that this user may read it");
    } catch (IllegalArgumentException e) {
      throw new UnusableStoreException(e.getMessage());
    }
  }
}

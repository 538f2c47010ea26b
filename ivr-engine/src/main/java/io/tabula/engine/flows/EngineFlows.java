package io.tabula.engine.flows;

import io.tabula.connectors.embedded.OwnedTempFolder;
import io.tabula.engine.config.ConfigException;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.config.PostgresStoreSettings;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.run.CallJournals;
import io.tabula.flows.run.FlowPrompts;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.PublishedFlows;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.store.StoreCallHandlers;
import io.tabula.flows.store.StoreReach;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.flowstore.FlowStoreWatch;
import io.tabula.flowstore.PostgresFlowStore;
import io.tabula.flowstore.StorePool;
import io.tabula.flowstore.WatchOptions;
import io.tabula.ops.prompts.PlayedPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The flows an engine serves: the versions published in a flow store (a folder, or the PostgreSQL
 * store several engines share), picked up while the engine runs, or, with no store configured, the
 * shipped flows ({@link ShippedFlowFiles}: the checkout's {@code flows/} folder when run from one,
 * else the jar's copies) published into a temporary store. Flows are compiled against the engine's
 * real connectors, so a flow naming a connector the engine does not have never goes live.
 *
 * <pre>{@code
 * try (EngineFlows flows = EngineFlows.open(settings.flows(), connectors)) {
 *   CallHandlers handlers = flows.handlers(connectors, RunnerConfig.defaults());
 * }
 * }</pre>
 */
public final class EngineFlows implements AutoCloseable {

  private final PublishedFlows published;
  private final AutoCloseable follower;

  /** The name of the temporary store the shipped flows are published into starts with this. */
  public static final String FOLDER_PREFIX = "tabula-flows-";

  private final OwnedTempFolder temporaryStore;

  private EngineFlows(PublishedFlows published, AutoCloseable follower, OwnedTempFolder temporary) {
    this.published = published;
    this.follower = follower;
    this.temporaryStore = temporary;
  }

  public static EngineFlows open(FlowsSettings settings, Connectors connectors) {
    FlowCompiler compiler = new FlowCompiler(ConnectorCatalog.of(connectors));
    if (settings.inPostgres()) {
      return openPostgres(settings, compiler);
    }
    try {
      // Deleted at close, or at exit; a killed engine's folder is removed by the next demo.
      OwnedTempFolder temporary = settings.shipped() ? OwnedTempFolder.create(FOLDER_PREFIX) : null;
      Path root = settings.shipped() ? temporary.path() : Path.of(settings.store());
      FlowStore store = new FlowStore(root, compiler);
      if (settings.shipped()) {
        publishShipped(store, temporary.path().resolve(".sources"));
      }
      PublishedFlows published = new PublishedFlows(store, compiler);
      published.refresh();
      ScheduledExecutorService poller =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("tabula-flow-poller").daemon().factory());
      published.startPolling(poller, settings.pollInterval());
      return new EngineFlows(published, poller::shutdownNow, temporary);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the flow store "
              + settings.store()
              + " ("
              + e.getClass().getSimpleName()
              + "); check flows.store",
          e);
    }
  }

  /**
   * The shared store in PostgreSQL: the versions there now are loaded before the engine takes a
   * call (a store that cannot be reached at start-up stops serve: there is no last good version
   * yet), then {@link FlowStoreWatch} follows it by LISTEN/NOTIFY with a check every {@code
   * flows.pollInterval}.
   */
  private static EngineFlows openPostgres(FlowsSettings settings, FlowCompiler compiler) {
    PostgresStoreSettings postgres = settings.postgres();
    FlowStoreDatabase database;
    try {
      database =
          FlowStoreDatabase.parse(
              postgres.url(),
              postgres.user(),
              Path.of(postgres.passwordFile()),
              Path.of(postgres.caCertificate()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("flows.postgres.url: " + e.getMessage());
    }
    try {
      // The pool's wait for a connection is shorter than the check interval, so an outage shows
      // in /health by the next check instead of waiting on the pool.
      PostgresFlowStore store =
          PostgresFlowStore.open(database, compiler, StorePool.within(settings.pollInterval()));
      try {
        PublishedFlows published = new PublishedFlows(store, compiler, Clock.systemUTC());
        published.refresh();
        FlowStoreWatch watch =
            FlowStoreWatch.start(
                database,
                published,
                new WatchOptions(
                    settings.pollInterval(), Duration.ofSeconds(1), postgres.listen()));
        return new EngineFlows(
            published,
            () -> {
              watch.close();
              store.close();
            },
            null);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Publishes the checkout's files in place (so errors name them), or copies of the jar's. */
  private static void publishShipped(FlowStore store, Path copies) throws IOException {
    for (String file : ShippedFlowFiles.names()) {
      Optional<Path> inCheckout = ShippedFlowFiles.checkoutFile(file);
      Path source = inCheckout.orElse(copies.resolve(file));
      if (inCheckout.isEmpty()) {
        Files.createDirectories(source.getParent());
        Files.writeString(source, ShippedFlowFiles.read(file).orElseThrow());
      }
      try {
        store.publish(source);
      } catch (PublishRejectedException e) {
        throw new ConfigException(
            "the flow "
                + file
                + " does not validate against the engine's connectors: "
                + String.join("; ", e.problems().stream().map(Diagnostic::render).toList())
                + "; fix the flow file (tabula flows validate shows the same problems)");
      }
    }
  }

  /** Call handlers that run the current version of each flow. */
  public CallHandlers handlers(Connectors connectors, RunnerConfig config) {
    return new StoreCallHandlers(published, connectors, config);
  }

  /** The same, with each call journaled through {@code journals} (docs/journal.md). */
  public CallHandlers handlers(Connectors connectors, RunnerConfig config, CallJournals journals) {
    return new StoreCallHandlers(published, connectors, config, journals);
  }

  /**
   * Which flows this engine serves and where from, for the start-up line: {@code
   * city/parking-ticket, utility/balance from /src/tabula/flows (this checkout's flows/ folder)}.
   */
  public static String describe(FlowsSettings settings) {
    return settings.shipped()
        ? String.join(", ", ShippedFlowFiles.names().stream().map(EngineFlows::flowName).toList())
            + " from "
            + ShippedFlowFiles.origin()
        : "the versions published to the flow store "
            + (settings.inPostgres() ? settings.postgres().url() : settings.store());
  }

  private static String flowName(String file) {
    return file.endsWith(".yaml") ? file.substring(0, file.length() - ".yaml".length()) : file;
  }

  /** Every prompt the flows serving now may play ({@link FlowPrompts}), with its sound name. */
  public java.util.List<PlayedPrompt> prompts() {
    java.util.List<PlayedPrompt> prompts = new java.util.ArrayList<>();
    published.all().forEach(version -> prompts.addAll(PlayedPrompt.of(version.flow())));
    return prompts;
  }

  public PublishedFlows published() {
    return published;
  }

  /** Whether the last look into the store worked ({@code /health}: {@code flows.store}). */
  public StoreReach reach() {
    return published.reach();
  }

  @Override
  public void close() {
    try {
      follower.close();
    } catch (Exception e) {
      // Stopping the poller or the watch throws nothing it declares; nothing is left to release.
    }
    if (temporaryStore != null) {
      temporaryStore.close();
    }
  }
}

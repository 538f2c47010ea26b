package io.tabula.flows.store;

import io.tabula.flows.model.FlowNames;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's view of the store: the newest valid published version of every flow, refreshed
 * without a restart. A version that does not validate (hand-placed, or checked against connectors
 * this engine lacks) never goes live: the previous version keeps serving and the log says why, once
 * per rejected version.
 *
 * <pre>{@code
 * PublishedFlows flows = new PublishedFlows(store, compiler);
 * flows.refresh();                                  // at start-up
 * flows.startPolling(scheduler, Duration.ofSeconds(2));
 * }</pre>
 */
public final class PublishedFlows {

  private static final Logger LOG = LoggerFactory.getLogger(PublishedFlows.class);

  private final FlowStore store;
  private final FlowCompiler compiler;
  private final Map<String, FlowVersion> live = new ConcurrentHashMap<>();
  private final Map<String, Integer> rejected = new ConcurrentHashMap<>();
  private final java.util.Set<Path> skipped = ConcurrentHashMap.newKeySet();

  public PublishedFlows(FlowStore store, FlowCompiler compiler) {
    this.store = store;
    this.compiler = compiler;
  }

  /** The version new calls of this flow get. */
  public Optional<FlowVersion> current(String tenant, String flow) {
    return Optional.ofNullable(live.get(tenant + "/" + flow));
  }

  /** Every flow's version that new calls get now. */
  public java.util.List<FlowVersion> all() {
    return java.util.List.copyOf(live.values());
  }

  /** Polls every {@code interval}; cancel the returned future to stop. */
  public ScheduledFuture<?> startPolling(ScheduledExecutorService scheduler, Duration interval) {
    return scheduler.scheduleWithFixedDelay(
        this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Reading the flow store {} failed ({}); the flows already loaded keep serving",
          store.root(),
          e.getClass().getSimpleName());
    }
  }

  /**
   * Loads every flow whose newest published version is newer than the one serving.
   *
   * @return how many flows changed
   */
  public synchronized int refresh() throws IOException {
    Path published = store.root().resolve(FlowStore.PUBLISHED);
    if (!Files.isDirectory(published)) {
      return 0;
    }
    int changed = 0;
    try (Stream<Path> tenants = Files.list(published)) {
      for (Path tenant : tenants.filter(this::isStoreFolder).toList()) {
        try (Stream<Path> flows = Files.list(tenant)) {
          for (Path flow : flows.filter(this::isStoreFolder).toList()) {
            changed +=
                load(tenant.getFileName().toString(), flow.getFileName().toString(), flow) ? 1 : 0;
          }
        }
      }
    }
    return changed;
  }

  /**
   * A tenant or flow folder to read: named by the route rule and, links followed, inside the store.
   * Anything else was not written by {@link FlowStore#publish} and is skipped with a warning.
   */
  private boolean isStoreFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (!FlowNames.isName(dir.getFileName().toString())) {
      warnOnce(dir, "its name is not a tenant or flow name");
      return false;
    }
    if (!isInsideStore(dir)) {
      warnOnce(dir, "it leads outside the store");
      return false;
    }
    return true;
  }

  /** Links followed, whether {@code path} lies inside the store (a version file may be a link). */
  private boolean isInsideStore(Path path) {
    try {
      store.requireInside(path);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void warnOnce(Path dir, String why) {
    if (skipped.add(dir)) {
      LOG.warn("Flow store entry {} is skipped: {}", dir, why);
    }
  }

  private boolean load(String tenant, String name, Path dir) throws IOException {
    String key = tenant + "/" + name;
    Optional<Integer> newest = FlowStore.latestVersion(dir);
    FlowVersion serving = live.get(key);
    if (newest.isEmpty()
        || (serving != null && serving.version() >= newest.get())
        || newest.get().equals(rejected.get(key))) {
      return false;
    }
    Path file = dir.resolve(FlowStore.fileName(newest.get()));
    if (!isInsideStore(file)) {
      rejected.put(key, newest.get());
      warnOnce(file, "it leads outside the store");
      return false;
    }
    FlowCompiler.Compiled compiled = compiler.compile(file);
    boolean matches =
        compiled.flow().map(f -> f.tenant().equals(tenant) && f.name().equals(name)).orElse(false);
    if (!compiled.ok() || !matches) {
      rejected.put(key, newest.get());
      LOG.warn(
          "Flow {} version {} is not valid and does not go live; {} keeps serving. Problems: {}",
          key,
          newest.get(),
          serving == null ? "no version" : "version " + serving.version(),
          matches ? compiled.problems() : "its flow/tenant do not match the directory " + key);
      return false;
    }
    live.put(key, new FlowVersion(tenant, name, newest.get(), compiled.flow().orElseThrow()));
    LOG.info("Flow {} version {} is live", key, newest.get());
    return true;
  }
}

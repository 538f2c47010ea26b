package io.tabula.flows.store;

import io.tabula.flows.model.Diagnostic;
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
 * per rejected version. A {@link Gate} (serve's: every prompt has a sound file) can hold back a
 * version that compiles: it waits, is tried again at every poll, and goes live once the gate lets
 * it through (say, after its prompts were rendered), without being published again.
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
  private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();
  private final java.util.Set<Path> skipped = ConcurrentHashMap.newKeySet();

  /** The newest version of a flow that did not go live, and why, as the log line gives it. */
  private record Rejection(int version, String reason) {}

  /** A compiled version the gate held back, tried again at each refresh. */
  private record Waiting(FlowVersion candidate, String reason) {}

  /**
   * What a version must pass besides compiling before it goes live.
   *
   * <pre>{@code
   * flows.admitOnly(flow -> missingAudio(flow).isEmpty() ? Optional.empty() : Optional.of("..."));
   * }</pre>
   */
  @FunctionalInterface
  public interface Gate {
    /** Why {@code flow} must not go live yet, or empty to let it. */
    Optional<String> refusal(io.tabula.flows.model.Flow flow);
  }

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private volatile Gate gate = flow -> Optional.empty();

  public PublishedFlows(FlowStore store, FlowCompiler compiler) {
    this.store = store;
    this.compiler = compiler;
  }

  /**
   * From now on, a newly found version goes live only when {@code gate} lets it; versions already
   * live stay (serve checks those at start-up).
   */
  public void admitOnly(Gate gate) {
    this.gate = java.util.Objects.requireNonNull(gate, "gate");
  }

  /** The version new calls of this flow get. */
  public Optional<FlowVersion> current(String tenant, String flow) {
    return Optional.ofNullable(live.get(tenant + "/" + flow));
  }

  /**
   * Why the newest published version of a flow did not go live (the compiler's problems, each with
   * file, line and column), or empty when it did.
   */
  public Optional<String> rejection(String tenant, String flow) {
    String key = tenant + "/" + flow;
    return Optional.ofNullable(rejected.get(key))
        .map(Rejection::reason)
        .or(() -> Optional.ofNullable(waiting.get(key)).map(Waiting::reason));
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
        || (rejected.containsKey(key) && rejected.get(key).version() == newest.get())) {
      return false;
    }
    Waiting held = waiting.get(key);
    if (held != null && held.candidate().version() == newest.get()) {
      return admit(key, held.candidate(), serving);
    }
    Path file = dir.resolve(FlowStore.fileName(newest.get()));
    if (!isInsideStore(file)) {
      rejected.put(key, new Rejection(newest.get(), "its version file leads outside the store"));
      warnOnce(file, "it leads outside the store");
      return false;
    }
    FlowCompiler.Compiled compiled = compiler.compile(file);
    Optional<String> problem = problem(compiled, tenant, name);
    if (problem.isPresent()) {
      rejected.put(key, new Rejection(newest.get(), problem.get()));
      LOG.warn(
          "Flow {} version {} is not valid and does not go live; {} keeps serving. {}",
          key,
          newest.get(),
          serving == null ? "no version" : "version " + serving.version(),
          problem.get());
      return false;
    }
    rejected.remove(key);
    return admit(
        key, new FlowVersion(tenant, name, newest.get(), compiled.flow().orElseThrow()), serving);
  }

  /** Puts a valid version live unless the gate holds it back (logged once per version). */
  private boolean admit(String key, FlowVersion candidate, FlowVersion serving) {
    Optional<String> refusal = gate.refusal(candidate.flow());
    if (refusal.isPresent()) {
      Waiting before = waiting.put(key, new Waiting(candidate, refusal.get()));
      if (before == null || before.candidate().version() != candidate.version()) {
        LOG.warn(
            "Flow {} version {} does not go live yet; {} keeps serving. {}. It goes live at the"
                + " next poll after that is fixed",
            key,
            candidate.version(),
            serving == null ? "no version" : "version " + serving.version(),
            refusal.get());
      }
      return false;
    }
    waiting.remove(key);
    live.put(key, candidate);
    LOG.info("Flow {} version {} is live", key, candidate.version());
    return true;
  }

  /** What keeps a compiled version from going live under {@code tenant/name}, if anything. */
  private static Optional<String> problem(
      FlowCompiler.Compiled compiled, String tenant, String name) {
    if (!compiled.ok()) {
      return Optional.of(
          "Problems: "
              + String.join("; ", compiled.problems().stream().map(Diagnostic::render).toList()));
    }
    return compiled
        .flow()
        .filter(f -> !f.tenant().equals(tenant) || !f.name().equals(name))
        .map(
            f ->
                "It declares tenant '"
                    + f.tenant()
                    + "' and flow '"
                    + f.name()
                    + "' but is stored under "
                    + tenant
                    + "/"
                    + name
                    + "; publish it with tabula flows publish instead of placing it by hand");
  }
}

package io.tabula.flows.store;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  private final FlowVersions store;
  private final FlowCompiler compiler;
  private final Clock clock;
  private final Map<String, FlowVersion> live = new ConcurrentHashMap<>();
  private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();
  private volatile StoreReach reach;

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
    this(new DirectoryFlowVersions(store), compiler, Clock.systemUTC());
  }

  /** The newest versions in {@code store}, compiled with {@code compiler} before they serve. */
  public PublishedFlows(FlowVersions store, FlowCompiler compiler, Clock clock) {
    this.store = store;
    this.compiler = compiler;
    this.clock = clock;
    this.reach = StoreReach.reachable(clock.instant());
  }

  /** The store the versions come from. */
  public FlowVersions store() {
    return store;
  }

  /**
   * Whether the last look into the store worked; while it does not, the versions already live keep
   * serving.
   */
  public StoreReach reach() {
    return reach;
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
      // refresh() already recorded it in reach(), which /health shows.
    }
  }

  /**
   * Loads every flow whose newest published version is newer than the one serving.
   *
   * @return how many flows changed
   * @throws IOException when the store cannot be read; {@link #reach()} says so until a refresh
   *     works again, and the versions already live keep serving
   */
  public synchronized int refresh() throws IOException {
    Map<FlowKey, Integer> newest;
    try {
      newest = store.newest();
    } catch (IOException | RuntimeException e) {
      unreachable(e);
      throw e;
    }
    int changed = 0;
    try {
      for (Map.Entry<FlowKey, Integer> flow : newest.entrySet()) {
        changed += load(flow.getKey(), flow.getValue()) ? 1 : 0;
      }
    } catch (IOException | RuntimeException e) {
      unreachable(e);
      throw e;
    }
    if (!reach.reachable()) {
      LOG.info("The flow store {} is reachable again", store.describe());
      reach = StoreReach.reachable(clock.instant());
    }
    return changed;
  }

  private void unreachable(Exception e) {
    String problem = e.getClass().getSimpleName();
    if (reach.reachable()) {
      LOG.warn(
          "Reading the flow store {} failed ({}); the {} flow version(s) already live keep serving",
          store.describe(),
          problem,
          live.size());
      reach = StoreReach.unreachable(clock.instant(), problem);
    } else {
      reach = reach.stillUnreachable(problem);
    }
  }

  private boolean load(FlowKey flow, int newest) throws IOException {
    String key = flow.toString();
    FlowVersion serving = live.get(key);
    if ((serving != null && serving.version() >= newest)
        || (rejected.containsKey(key) && rejected.get(key).version() == newest)) {
      return false;
    }
    Waiting held = waiting.get(key);
    if (held != null && held.candidate().version() == newest) {
      return admit(key, held.candidate(), serving);
    }
    Optional<VersionText> text;
    try {
      text = store.read(flow, newest);
    } catch (VersionRefusedException refused) {
      rejected.put(key, new Rejection(newest, refused.getMessage()));
      return false;
    }
    if (text.isEmpty()) {
      return false;
    }
    FlowCompiler.Compiled compiled = compiler.compile(text.get().source(), text.get().text());
    Optional<String> problem = problem(compiled, flow.tenant(), flow.flow());
    if (problem.isPresent()) {
      rejected.put(key, new Rejection(newest, problem.get()));
      LOG.warn(
          "Flow {} version {} is not valid and does not go live; {} keeps serving. {}",
          key,
          newest,
          serving == null ? "no version" : "version " + serving.version(),
          problem.get());
      return false;
    }
    rejected.remove(key);
    return admit(
        key,
        new FlowVersion(flow.tenant(), flow.flow(), newest, compiled.flow().orElseThrow()),
        serving);
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

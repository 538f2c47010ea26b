package io.tabula.flows.store;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.run.CallJournal;
import io.tabula.flows.run.CallJournals;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the engine plugs in: for each new call, the handler running the tenant's flow in the version
 * that is live at that moment. The call keeps that version even if a newer one is published while
 * it runs.
 *
 * <pre>{@code
 * CallHandlers handlers = new StoreCallHandlers(publishedFlows, connectors, RunnerConfig.defaults());
 * }</pre>
 */
public final class StoreCallHandlers implements CallHandlers {

  private final PublishedFlows flows;
  private final Connectors connectors;
  private final RunnerConfig config;
  private final CallJournals journals;

  /**
   * The runner of each flow's live version, made once per version: its prompts are named once for
   * all the version's calls, not once per command (SharedFlow).
   */
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  private record Live(FlowVersion version, FlowRunner runner) {}

  public StoreCallHandlers(PublishedFlows flows, Connectors connectors, RunnerConfig config) {
    this(flows, connectors, config, CallJournals.NONE);
  }

  /** Handlers whose calls are journaled through {@code journals} (the engine's call journal). */
  public StoreCallHandlers(
      PublishedFlows flows, Connectors connectors, RunnerConfig config, CallJournals journals) {
    this.flows = flows;
    this.connectors = connectors;
    this.config = config;
    this.journals = journals;
  }

  @Override
  public Optional<CallHandler> find(String tenant, String flow) {
    return flows.current(tenant, flow).map(this::handler);
  }

  /** A stepped handler either way, so the engine runs store flows on the call's event loop. */
  private CallHandler handler(FlowVersion version) {
    FlowRunner runner = runner(version);
    if (journals == CallJournals.NONE) {
      return runner;
    }
    return new Journaled(runner, journals, version);
  }

  private FlowRunner runner(FlowVersion version) {
    String key = version.tenant() + "/" + version.name();
    Live known = live.get(key);
    // The same object while the version is live: PublishedFlows keeps one per live version.
    if (known != null && known.version() == version) {
      return known.runner();
    }
    FlowRunner runner = new FlowRunner(version.flow(), connectors, config);
    live.put(key, new Live(version, runner));
    return runner;
  }

  /** The flow's runner, each call journaled through the engine's call journal. */
  private record Journaled(FlowRunner runner, CallJournals journals, FlowVersion version)
      implements SteppedCallHandler {

    @Override
    public void handle(CallPort call) {
      runner.handle(call, journals.open(version.flow(), version.version(), call.info()));
    }

    /** A journal that cannot be opened ends the call as {@link #handle} would have thrown. */
    @Override
    public void start(CallSteps call, Consumer<RuntimeException> ended) {
      CallJournal journal;
      try {
        journal = journals.open(version.flow(), version.version(), call.info());
      } catch (RuntimeException e) {
        ended.accept(e);
        return;
      }
      runner.start(call, journal, ended);
    }
  }
}

package io.tabula.load.agi;

import io.tabula.connectors.embedded.OwnedTempFolder;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallHandlers;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.run.CallJournals;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.PublishedFlows;
import io.tabula.flows.store.StoreCallHandlers;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The load call as a YAML flow, run the way the engine runs the shipped flows: published into a
 * flow store (validated and compiled), served through {@link StoreCallHandlers} and the flow
 * interpreter. Each round is {@code STREAM FILE tabula/load/<key> "0"}, {@code GET DATA
 * tabula/load/<key> 5000 6} and {@code SAY DIGITS 42 ""}; then {@code HANGUP}: the lines of {@link
 * LoadCallFlow}, except that the prompts' sounds are named by their words as every flow prompt is,
 * and the welcome can be stopped with the agent key, as a shipped flow's prompts can (a flow must
 * have an agent path).
 *
 * <p>The flow language has no loop counter, so the rounds are unrolled: one flow per round count,
 * {@code load/account-<n>} for n = 1 to {@link #MAX_ROUNDS}, published at start (parsing and
 * publishing stay off the event loop that routes calls, as for a shipped flow); a call on {@code
 * /load/account} runs the one its {@code agi_arg_1} names. The alternatives were worse: a flow with
 * a loop would need a counter the language lacks, and routing on the request path would make the
 * generator speak differently to the engine than to the floor and the baseline.
 *
 * <pre>{@code
 * try (LoadFlows flows = LoadFlows.publish()) {
 *   Engine.start(config, flows.handlers(), recording, registry);
 * }
 * }</pre>
 */
final class LoadFlows implements AutoCloseable {

  /** The most rounds a call may ask for ({@code LoadRun --rounds}). */
  static final int MAX_ROUNDS = 64;

  static final String TENANT = "load";
  static final String FLOW = "account";

  /** The value the read-back says digit by digit: {@code SAY DIGITS 42}. */
  static final String READ_BACK = "42";

  private final OwnedTempFolder folder;
  private final CallHandlers handlers;

  private LoadFlows(OwnedTempFolder folder, CallHandlers handlers) {
    this.folder = folder;
    this.handlers = handlers;
  }

  /** Publishes the flows for 1 to {@link #MAX_ROUNDS} rounds into a store of their own. */
  static LoadFlows publish() throws IOException {
    OwnedTempFolder folder = OwnedTempFolder.create("tabula-load-flows-");
    try {
      Connectors none = Connectors.of(List.of(), List.of());
      FlowCompiler compiler = new FlowCompiler(ConnectorCatalog.of(none));
      FlowStore store = new FlowStore(folder.path(), compiler);
      for (int rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
        store.publish(flowName(rounds) + ".yaml", yaml(rounds));
      }
      PublishedFlows published = new PublishedFlows(store, compiler);
      published.refresh();
      CallHandlers served =
          new StoreCallHandlers(published, none, RunnerConfig.defaults(), CallJournals.NONE);
      return new LoadFlows(folder, route(served));
    } catch (PublishRejectedException e) {
      folder.close();
      throw new IllegalStateException(
          "the generated load flow does not validate ("
              + e.problems()
              + "); fix LoadFlows.yaml to the flow language",
          e);
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  /** Route {@code /load/account}: the call's own flow picked by its rounds at its start. */
  CallHandlers handlers() {
    return handlers;
  }

  /**
   * The handler for {@code /load/account}: stepped when the store's handlers are (so an engine that
   * runs stepped handlers on the event loop runs this one there too), blocking otherwise.
   */
  private static CallHandlers route(CallHandlers store) {
    boolean stepped = store.find(TENANT, flowName(1)).orElseThrow() instanceof SteppedCallHandler;
    CallHandler handler = stepped ? new SteppedRounds(store) : new Rounds(store);
    Optional<CallHandler> found = Optional.of(handler);
    return (tenant, flow) -> TENANT.equals(tenant) && FLOW.equals(flow) ? found : Optional.empty();
  }

  /** Runs, on the call's thread, the published flow for the call's rounds. */
  private record Rounds(CallHandlers store) implements CallHandler {
    @Override
    public void handle(CallPort call) {
      flowFor(store, call.info().arguments()).handle(call);
    }
  }

  /** The same, started on the call's event loop when the engine runs stepped handlers there. */
  private record SteppedRounds(CallHandlers store) implements SteppedCallHandler {
    @Override
    public void handle(CallPort call) {
      flowFor(store, call.info().arguments()).handle(call);
    }

    @Override
    public void start(CallSteps call, Consumer<RuntimeException> ended) {
      CallHandler flow;
      try {
        flow = flowFor(store, call.info().arguments());
      } catch (RuntimeException e) {
        ended.accept(e);
        return;
      }
      // The store's handlers were stepped when this was chosen; a store does not change kind.
      ((SteppedCallHandler) flow).start(call, ended);
    }
  }

  private static final String[] NAMES = names();

  private static String[] names() {
    String[] names = new String[MAX_ROUNDS + 1];
    for (int rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
      names[rounds] = FLOW + "-" + rounds;
    }
    return names;
  }

  static String flowName(int rounds) {
    return NAMES[rounds];
  }

  private static CallHandler flowFor(CallHandlers store, List<String> arguments) {
    int rounds = LoadCallFlow.rounds(arguments);
    if (rounds > MAX_ROUNDS) {
      throw new IllegalArgumentException(
          "the load flows have at most "
              + MAX_ROUNDS
              + " rounds; ask LoadRun for --rounds "
              + MAX_ROUNDS
              + " or fewer");
    }
    return store
        .find(TENANT, flowName(rounds))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the load flow " + flowName(rounds) + " is not live; see the log"));
  }

  /**
   * The flow for {@code rounds} rounds. The collect's two timeouts are equal, so it is one {@code
   * GET DATA} with that timeout, as the Java call's; 6 digits accepted at once, as the generator
   * sends.
   */
  static String yaml(int rounds) {
    StringBuilder steps = new StringBuilder();
    steps.append(
        """
          read-back:
            set: {name: code, value: "%s"}
            next: welcome-1
        """
            .formatted(READ_BACK));
    for (int round = 1; round <= rounds; round++) {
      String next = round == rounds ? "goodbye" : "welcome-" + (round + 1);
      steps.append(
          """
            welcome-%1$d:
              say: [welcome]
              next: ask-%1$d
            ask-%1$d:
              collect:
                field: account
                kind: digits
                prompt: enter-account
                min_digits: 6
                max_digits: 6
                first_digit_timeout: 5s
                inter_digit_timeout: 5s
                attempts: 1
              next: say-%1$d
              on_failure: goodbye
            say-%1$d:
              say: [{digits: code}]
              next: %2$s
          """
              .formatted(round, next));
    }
    steps.append(
        """
          goodbye:
            hangup: {}
        """);
    return """
        # Generated by the load harness (io.tabula.load.agi.LoadFlows): %1$d rounds.
        flow: %2$s
        tenant: %3$s
        description: The load harness's call, %1$d rounds of prompt, collect and read-back.
        start: read-back
        agent:
          queue: load-agents
          key: "0"
        prompts:
          welcome:
            en: "Welcome to the load test."
          enter-account:
            en: "Please enter your six-digit account number."
        steps:
        %4$s"""
        .formatted(rounds, flowName(rounds), TENANT, steps);
  }

  @Override
  public void close() {
    folder.close();
  }
}

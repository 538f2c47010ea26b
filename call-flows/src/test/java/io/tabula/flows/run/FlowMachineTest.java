package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.LaterCallSteps;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flow machine itself: a flat stack over the synchronous adapter however long the call, and
 * exactly one end, however the call ends, when the answers arrive later from another thread.
 */
class FlowMachineTest {

  private static final String PAID = "12345678# 1 4242424242424242# 1230 123";

  private CallMemoryPool pool;
  private final Transcript transcript = new Transcript();
  private final List<String> endings = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<RuntimeException> ends = new ArrayList<>();

  private final FlowEvents events =
      new FlowEvents() {
        @Override
        public void error(String stepId, String why) {
          errors.add(stepId + ": " + why);
        }

        @Override
        public void ended(String how) {
          endings.add(how);
        }
      };

  @BeforeEach
  void open() {
    pool = FlowSimulator.smallPool();
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private SimulatedCallPort port(Flow flow, String keys) {
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    CallInfo info =
        new CallInfo(
            new io.tabula.flows.port.CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5"),
            "1732350000.42",
            flow.tenant(),
            flow.name(),
            "SIP/t-1",
            "555",
            "en",
            List.of());
    return new SimulatedCallPort(info, memory, KeySource.script(keys), transcript);
  }

  /** Runs the call on the machine with every answer coming later; checks it ended exactly once. */
  private SimulatedCallPort runLater(
      Flow flow, Connectors connectors, Clock clock, String keys, LaterFailures failures)
      throws InterruptedException {
    SimulatedCallPort port = port(flow, keys);
    try (LaterCallSteps steps = new LaterCallSteps(port)) {
      failures.plan(steps);
      new FlowRunner(flow, connectors, new RunnerConfig(clock, events)).start(steps, ends::add);
      steps.pumpUntil(() -> !ends.isEmpty(), Duration.ofMinutes(1));
      assertThat(steps.idle()).as("no command sent after the end").isTrue();
      assertThat(steps.misuse()).isNull();
    }
    assertThat(ends)
        .as("ended exactly once, as handle returns")
        .containsExactly((RuntimeException) null);
    assertThat(endings).as("one ending event").hasSize(1);
    return port;
  }

  private SimulatedCallPort runLater(String keys, LaterFailures failures)
      throws InterruptedException {
    return runLater(
        ShippedFlows.load("city/parking-ticket.yaml"),
        DemoConnectors.create(ShippedFlows.CLOCK),
        ShippedFlows.CLOCK,
        keys,
        failures);
  }

  /** Which commands answer with a failure. */
  @FunctionalInterface
  private interface LaterFailures {
    void plan(LaterCallSteps steps);
  }

  private static final LaterFailures NONE = steps -> {};

  @Test
  void aPaidCallEndsOnceWithItsHangup() throws Exception {
    SimulatedCallPort port = runLater(PAID, NONE);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.HANGUP);
    assertThat(endings).containsExactly("hangup");
    assertThat(errors).isEmpty();
  }

  @Test
  void theAgentKeyEndsOnceWithTheTransfer() throws Exception {
    SimulatedCallPort port = runLater("12345678# 0", NONE);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(endings).containsExactly("transfer to city-parking-agents");
  }

  @Test
  void theCallerHangingUpMidStepEndsOnce() throws Exception {
    SimulatedCallPort port = runLater("12345678# 1 H", NONE);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.CALLER_HUNG_UP);
    assertThat(endings).containsExactly("caller hung up");
  }

  @Test
  void aCallEndedAnswerMidStepEndsOnceWithoutTheErrorPath() throws Exception {
    // Command 2 is the ticket collect: the connection is lost while it waits.
    runLater(
        PAID,
        steps ->
            steps.failNth(2, new CallEndedException(CallEndedException.Reason.CONNECTION_LOST)));
    assertThat(endings).containsExactly("connection lost");
    assertThat(errors).isEmpty();
  }

  @Test
  void aFailedCommandRunsOnErrorAndEndsOnceWithItsTransfer() throws Exception {
    SimulatedCallPort port =
        runLater(
            PAID,
            steps ->
                steps.failNth(
                    2, new CallPortException(CallPortException.Kind.REPLY_TIMEOUT, "no reply")));
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(errors).containsExactly("ask-ticket: CallPortException REPLY_TIMEOUT (no reply)");
    assertThat(endings).containsExactly("transfer to city-parking-agents");
    assertThat(transcript.text()).contains("[sorry-error]");
  }

  @Test
  void aFailedBlockingHandOffRunsOnErrorAndEndsOnce() throws Exception {
    // Command 3 is the ticket lookup, handed to a thread that can block: the hand-off fails.
    SimulatedCallPort port =
        runLater(PAID, steps -> steps.failNth(3, new IllegalStateException("pool closed")));
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(errors).containsExactly("find-ticket: IllegalStateException");
  }

  @Test
  void blockingWorkThatThrowsRunsOnErrorAndEndsOnce() throws Exception {
    // No connectors at all: the lookup's work itself fails ("no lookup connector").
    SimulatedCallPort port =
        runLater(
            ShippedFlows.load("city/parking-ticket.yaml"),
            Connectors.of(List.of(), List.of()),
            ShippedFlows.CLOCK,
            PAID,
            NONE);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(errors).containsExactly("find-ticket: FlowFailure");
  }

  @Test
  void theTimeLimitRunsOnErrorAndEndsOnce() throws Exception {
    Clock ticking =
        new Clock() {
          private Instant now = Instant.parse("2026-11-23T09:00:00Z");

          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            now = now.plus(Duration.ofMinutes(2));
            return now;
          }
        };
    SimulatedCallPort port =
        runLater(
            ShippedFlows.load("city/parking-ticket.yaml"),
            DemoConnectors.create(ShippedFlows.CLOCK),
            ticking,
            "12345678# 2 2 2 2 2 2 2 2 2",
            NONE);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
    assertThat(errors).singleElement().asString().endsWith(": call time limit reached");
  }

  @Test
  void anErrorPathThatFailsTooHangsUpAndEndsOnce() throws Exception {
    // The collect fails, then the apology (command 3) fails: the last resort is a hangup.
    CallPortException failed = new CallPortException(CallPortException.Kind.PROTOCOL_ERROR, "520");
    SimulatedCallPort port = runLater(PAID, steps -> steps.failNth(2, failed).failNth(3, failed));
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.HANGUP);
    assertThat(endings).containsExactly("hangup");
  }

  @Test
  void aLastHangupThatFailsStillEndsOnce() throws Exception {
    CallPortException failed = new CallPortException(CallPortException.Kind.PROTOCOL_ERROR, "520");
    runLater(PAID, steps -> steps.failNth(2, failed).failNth(3, failed).failNth(4, failed));
    assertThat(endings).containsExactly("hangup");
  }

  @Test
  void theCallEndingDuringTheApologyEndsOnce() throws Exception {
    runLater(
        PAID,
        steps ->
            steps
                .failNth(2, new CallPortException(CallPortException.Kind.REPLY_TIMEOUT, "late"))
                .failNth(3, new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP)));
    assertThat(endings).containsExactly("caller hung up");
  }

  @Test
  void theJournalIsFinishedOnceBeforeTheEnd() throws Exception {
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    List<String> heard = new ArrayList<>();
    CallJournal journal =
        new CallJournal() {
          @Override
          public void menuChoice(String stepId, char key) {
            heard.add("menu " + stepId + " " + key);
          }

          @Override
          public void finished() {
            heard.add("finished");
          }
        };
    try (LaterCallSteps steps = new LaterCallSteps(port(flow, PAID))) {
      new FlowRunner(
              flow,
              DemoConnectors.create(ShippedFlows.CLOCK),
              new RunnerConfig(ShippedFlows.CLOCK, events))
          .start(
              steps,
              journal,
              e -> {
                heard.add("ended");
                ends.add(e);
              });
      steps.pumpUntil(() -> !ends.isEmpty(), Duration.ofMinutes(1));
    }
    assertThat(heard).containsExactly("menu offer-payment 1", "finished", "ended");
  }

  // A flat stack over the synchronous adapter.

  private static final String DEEP =
      """
      flow: deep
      tenant: city
      start: talk
      agent: {queue: q, key: "0"}
      prompts:
        hi:
          en: "Hi."
        bye:
          en: "Bye."
      steps:
        talk:
          say: [%s]
          next: ask
        ask:
          menu:
            prompt: hi
            options:
              "1": end
            attempts: 1
          on_failure: again
        again:
          goto: ask
        end:
          hangup: {say: [bye]}
      """;

  /**
   * Runs {@code flow} through the blocking {@code handle} on a thread with a small stack, noting
   * the stack's depth at every prompt: it must not grow with the commands.
   */
  private int stackGrowth(Flow flow, String keys) throws Exception {
    SimulatedCallPort port = port(flow, keys);
    int[] depths = {Integer.MAX_VALUE, 0};
    CallPort measured =
        new DelegatingCallPort(
            port,
            0,
            CallPortException.Kind.COMMAND_FAILED,
            prompt -> {
              int depth = StackWalker.getInstance().walk(frames -> (int) frames.count());
              depths[0] = Math.min(depths[0], depth);
              depths[1] = Math.max(depths[1], depth);
            });
    CompletableFuture<Void> run = new CompletableFuture<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                new FlowRunner(
                        flow,
                        DemoConnectors.create(ShippedFlows.CLOCK),
                        new RunnerConfig(ShippedFlows.CLOCK, events))
                    .handle(measured);
                run.complete(null);
              } catch (Throwable t) {
                run.completeExceptionally(t);
              }
            },
            "small-stack",
            256 * 1024);
    thread.start();
    run.get(2, TimeUnit.MINUTES);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.HANGUP);
    return depths[1] - depths[0];
  }

  private static Flow deep(int sayItems) {
    return new FlowCompiler(ShippedFlows.catalog())
        .compile(
            "deep.yaml",
            DEEP.formatted(String.join(", ", java.util.Collections.nCopies(sayItems, "hi"))))
        .flow()
        .orElseThrow();
  }

  @Test
  void thousandsOfSayItemsKeepTheStackFlat() throws Exception {
    assertThat(stackGrowth(deep(5_000), "1")).isLessThan(20);
    assertThat(transcript.lines().stream().filter(l -> l.endsWith("[hi]")).count())
        .isEqualTo(5_001);
  }

  @Test
  void aThousandMenuRetriesThroughGotoKeepTheStackFlat() throws Exception {
    String silence = "- ".repeat(1_000);
    assertThat(stackGrowth(deep(1), silence + "1")).isLessThan(20);
    assertThat(transcript.lines().stream().filter(l -> l.equals("Caller: (silence)")).count())
        .isEqualTo(1_000);
  }

  @Test
  void stepKindsAreNamedAsTheirRecords() {
    for (Flow flow :
        List.of(
            ShippedFlows.load("city/parking-ticket.yaml"),
            ShippedFlows.load("utility/bill-payment.yaml"),
            ShippedFlows.load("utility/balance.yaml"),
            deep(1))) {
      flow.steps()
          .values()
          .forEach(
              step ->
                  assertThat(FlowRunner.kind(step))
                      .isEqualTo(
                          step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void anErrorFromThePortGoesUpLikeBeforeAndTheJournalStillFinishesOnce() {
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    SimulatedCallPort port = port(flow, PAID);
    CallPort breaking =
        new DelegatingCallPort(
            port,
            0,
            CallPortException.Kind.COMMAND_FAILED,
            prompt -> {
              if (prompt.id().equals("pay-menu")) {
                throw new AssertionError("a bug in the port");
              }
            });
    List<String> heard = new ArrayList<>();
    CallJournal journal =
        new CallJournal() {
          @Override
          public void finished() {
            heard.add("finished");
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new FlowRunner(
                        flow,
                        DemoConnectors.create(ShippedFlows.CLOCK),
                        new RunnerConfig(ShippedFlows.CLOCK, events))
                    .handle(breaking, journal))
        .isInstanceOf(AssertionError.class)
        .hasMessage("a bug in the port");
    assertThat(heard).containsExactly("finished");
    assertThat(port.memory().find("ticket").orElseThrow().isEmpty())
        .as("the collected ticket is wiped")
        .isTrue();
  }

  @Test
  void aCallStepsThatAnswersACommandTwiceIsCaughtAndTheCallStillEndsOnce() {
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    SimulatedCallPort port = port(flow, PAID);
    io.tabula.flows.port.CallSteps inner = new io.tabula.flows.port.BlockingCallSteps(port);
    boolean[] answeredTwice = {false};
    io.tabula.flows.port.CallSteps twice =
        (io.tabula.flows.port.CallSteps)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {io.tabula.flows.port.CallSteps.class},
                (proxy, method, args) -> {
                  Object result;
                  try {
                    result = method.invoke(inner, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (method.getName().equals("play") && !answeredTwice[0]) {
                    answeredTwice[0] = true; // the welcome prompt, answered a second time
                    answerAgain(args[2]);
                  }
                  return result;
                });
    new FlowRunner(
            flow,
            DemoConnectors.create(ShippedFlows.CLOCK),
            new RunnerConfig(ShippedFlows.CLOCK, events))
        .start(twice, ends::add);
    assertThat(errors).containsExactly("welcome: IllegalStateException");
    assertThat(ends).containsExactly((RuntimeException) null);
    assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.TRANSFER);
  }

  @SuppressWarnings("unchecked")
  private static void answerAgain(Object then) {
    ((io.tabula.flows.port.Then<Object>) then).done(io.tabula.flows.port.KeyPress.NONE);
  }
}

package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.LaterCallSteps;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random callers, with a call command failing anywhere or nowhere: the machine driven the engine's
 * way (every answer later, from another thread) does exactly what the blocking run does, word for
 * word, event for event, and ends once.
 */
class SteppedRandomCallsPropertyTest {

  private static final Map<String, Flow> FLOWS = new ConcurrentHashMap<>();
  private static CallMemoryPool pool;

  @BeforeContainer
  static void openPool() {
    pool = FlowSimulator.smallPool();
  }

  @AfterContainer
  static void closePool() {
    pool.close();
  }

  /** What a call did: its transcript with the flow's events in it, and how it ended. */
  private record Run(List<String> lines, SimulatedCallPort.Ending ending) {}

  private static Run run(Flow flow, String keys, int failAt, boolean later) throws Exception {
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    CallInfo info =
        new CallInfo(
            new CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5"),
            "p-1",
            flow.tenant(),
            flow.name(),
            "SIP/p",
            "555",
            "en",
            List.of());
    Transcript transcript = new Transcript();
    SimulatedCallPort port =
        new SimulatedCallPort(info, memory, KeySource.script(keys), transcript);
    CallPort failing =
        new DelegatingCallPort(port, failAt, CallPortException.Kind.REPLY_TIMEOUT, p -> {});
    FlowRunner runner =
        new FlowRunner(
            flow,
            DemoConnectors.create(ShippedFlows.CLOCK),
            new RunnerConfig(ShippedFlows.CLOCK, events(transcript)));
    if (later) {
      List<RuntimeException> ends = new ArrayList<>();
      try (LaterCallSteps steps = new LaterCallSteps(failing)) {
        runner.start(steps, ends::add);
        steps.pumpUntil(() -> !ends.isEmpty(), Duration.ofMinutes(1));
        assertThat(steps.idle()).isTrue();
        assertThat(steps.misuse()).isNull();
      }
      assertThat(ends).containsExactly((RuntimeException) null);
    } else {
      runner.handle(failing);
    }
    memory.release();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
    return new Run(transcript.lines(), port.ending());
  }

  private static FlowEvents events(Transcript transcript) {
    return new FlowEvents() {
      @Override
      public void stepStarted(String stepId, String kind) {
        transcript.add("[step " + stepId + " " + kind + "]");
      }

      @Override
      public void outcome(String stepId, String outcome) {
        transcript.add("[" + stepId + ": " + outcome + "]");
      }

      @Override
      public void error(String stepId, String why) {
        transcript.add("[" + stepId + ": error " + why + "]");
      }

      @Override
      public void ended(String how) {
        transcript.add("[ended: " + how + "]");
      }
    };
  }

  @Property(tries = 150)
  void answersArrivingLaterChangeNothing(
      @ForAll("flows") String flowFile,
      @ForAll("scripts") List<String> script,
      @ForAll @IntRange(min = 0, max = 30) int failAt)
      throws Exception {
    Flow flow = FLOWS.computeIfAbsent(flowFile, ShippedFlows::load);
    String keys = String.join(" ", script);
    Run blocking = run(flow, keys, failAt, false);
    Run later = run(flow, keys, failAt, true);
    assertThat(later).isEqualTo(blocking);
  }

  @Provide
  Arbitrary<String> flows() {
    return Arbitraries.of(
        "city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml");
  }

  @Provide
  Arbitrary<List<String>> scripts() {
    Arbitrary<String> keys =
        Arbitraries.strings().withChars("0123456789*#").ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> known =
        Arbitraries.of(
            "12345678#",
            "87654321#",
            "55555555#",
            "1002003004#",
            "94110",
            "1",
            "2",
            "0",
            "^0",
            "4242424242424242#",
            "378282246310005#",
            "4000000000009995#",
            "4000000000003220#",
            "1230",
            "123",
            "-",
            "H");
    return Arbitraries.oneOf(keys, known).list().ofMaxSize(25);
  }
}

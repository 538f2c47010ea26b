package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.masking.memory.CallMemoryPool;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random callers on the shipped flows: any mix of keys, card numbers, silences, barge-ins and
 * hang-ups never crashes the interpreter, always ends in a hangup or a transfer (or the caller's
 * hangup), and always leaves the call's memory zeroed by the time the call ends.
 */
class RandomCallsPropertyTest {

  private static final List<String> FLOWS =
      List.of("city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml");
  private static final java.util.Map<String, Flow> FLOW_CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static CallMemoryPool pool;

  @BeforeContainer
  static void openPool() {
    pool = FlowSimulator.smallPool();
  }

  @AfterContainer
  static void closePool() {
    pool.close();
  }

  @Provide
  Arbitrary<String> tokens() {
    Arbitrary<String> keys =
        Arbitraries.strings().withChars("0123456789*#").ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> known =
        Arbitraries.of(
            "12345678#",
            "87654321#",
            "1002003004#",
            "94110",
            "1",
            "2",
            "0",
            "^0",
            "4242424242424242#",
            "4000000000009995#",
            "4000000000000119#",
            "1230",
            "123",
            "-",
            "H");
    return Arbitraries.oneOf(keys, known);
  }

  @Property(tries = 300)
  void randomCallersNeverBreakAFlow(
      @ForAll("flows") String flowFile, @ForAll("scripts") List<String> script) {
    Flow flow = FLOW_CACHE.computeIfAbsent(flowFile, ShippedFlows::load);
    FlowSimulator simulator =
        new FlowSimulator(pool, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK);
    FlowSimulator.Simulation call =
        simulator.run(flow, KeySource.script(String.join(" ", script)), new Transcript());
    assertThat(call.ending())
        .isIn(
            SimulatedCallPort.Ending.HANGUP,
            SimulatedCallPort.Ending.TRANSFER,
            SimulatedCallPort.Ending.CALLER_HUNG_UP);
    assertThat(call.memoryZeroed()).as("memory zeroed when the call ended").isTrue();
    assertThat(pool.slotsInUse()).isZero();
    assertThat(String.join("\n", call.transcript()))
        .doesNotContain("4242424242424242")
        .doesNotContain("Exception");
  }

  @Property(tries = 200)
  void aCallCommandFailingAnywhereRunsTheErrorPathAndStillZeroesMemory(
      @ForAll("flows") String flowFile,
      @ForAll("scripts") List<String> script,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 30) int failAt) {
    Flow flow = FLOW_CACHE.computeIfAbsent(flowFile, ShippedFlows::load);
    var memory = ((io.tabula.masking.memory.Acquisition.Acquired) pool.acquire()).memory();
    var info =
        new io.tabula.flows.port.CallInfo(
            io.tabula.flows.port.CallId.random(new java.security.SecureRandom()),
            "p-1",
            flow.tenant(),
            flow.name(),
            "SIP/p",
            "555",
            "en",
            List.of());
    Transcript transcript = new Transcript();
    SimulatedCallPort port =
        new SimulatedCallPort(info, memory, KeySource.script(String.join(" ", script)), transcript);
    new FlowRunner(
            flow,
            DemoConnectors.create(ShippedFlows.CLOCK),
            new RunnerConfig(ShippedFlows.CLOCK, FlowEvents.NONE))
        .handle(
            new DelegatingCallPort(
                port, failAt, io.tabula.flows.port.CallPortException.Kind.REPLY_TIMEOUT, p -> {}));
    assertThat(port.ending())
        .isIn(
            SimulatedCallPort.Ending.HANGUP,
            SimulatedCallPort.Ending.TRANSFER,
            SimulatedCallPort.Ending.CALLER_HUNG_UP);
    assertThat(memory.isReleased()).isTrue();
    assertThat(pool.slotIsZero(memory.slot())).isTrue();
  }

  @Provide
  Arbitrary<String> flows() {
    return Arbitraries.of(FLOWS);
  }

  @Provide
  Arbitrary<List<String>> scripts() {
    return tokens().list().ofMaxSize(25);
  }
}

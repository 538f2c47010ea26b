package io.tabula.flows.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.LaterCallSteps;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.FlowEvents;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped flows run on the machine the way the engine drives it, every answer arriving later
 * from another thread, give the golden transcripts the blocking runs gave: the same commands, the
 * same events, the same endings.
 */
class SteppedTranscriptTest {

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.tabula.flows.simulate.GoldenTranscriptTest#calls")
  void answersThatArriveLaterGiveTheGoldenTranscript(String flowFile, String name, String keys)
      throws Exception {
    Flow flow = ShippedFlows.load(flowFile);
    Transcript transcript = new Transcript();
    String ended;
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
      CallInfo info =
          new CallInfo(
              new CallId(String.format(Locale.ROOT, "%032x", 1)),
              "sim-0001",
              flow.tenant(),
              flow.name(),
              "SIP/sim-00000001",
              "5551234",
              name.endsWith("-es") ? "es" : "en",
              List.of());
      SimulatedCallPort port =
          new SimulatedCallPort(info, memory, KeySource.script(keys), transcript);
      transcript.add(
          "== " + flow.tenant() + "/" + flow.name() + " (simulated call " + info.uniqueId() + ")");
      List<RuntimeException> ends = new ArrayList<>();
      try (LaterCallSteps steps = new LaterCallSteps(port)) {
        new FlowRunner(
                flow, connectors(name), new RunnerConfig(ShippedFlows.CLOCK, events(transcript)))
            .start(steps, ends::add);
        assertThat(ends).as("nothing answered before start returned").isEmpty();
        steps.pumpUntil(() -> !ends.isEmpty(), Duration.ofMinutes(1));
        assertThat(steps.idle()).as("no command after the end").isTrue();
        assertThat(steps.misuse()).isNull();
      }
      assertThat(ends)
          .as("ended once, as handle would have returned")
          .containsExactly((RuntimeException) null);
      assertThat(memory.isReleased()).isTrue();
      memory.release();
      assertThat(pool.slotIsZero(memory.slot())).isTrue();
      ended =
          "== call ended: "
              + port.ending().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + "; call memory zeroed";
    }
    transcript.add(ended);
    String actual = "keys: " + keys + "\n" + String.join("\n", transcript.lines()) + "\n";
    String golden =
        Files.readString(
            ShippedFlows.repo()
                .resolve("call-flows/src/test/resources/golden")
                .resolve(flowFile.replace(".yaml", ""))
                .resolve(name + ".txt"),
            StandardCharsets.UTF_8);
    assertThat(actual).isEqualTo(golden);
  }

  /** What the simulator adds to its transcript from the flow's events. */
  private static FlowEvents events(Transcript transcript) {
    return new FlowEvents() {
      @Override
      public void outcome(String stepId, String outcome) {
        transcript.add("   [" + stepId + ": " + outcome + "]");
      }

      @Override
      public void error(String stepId, String why) {
        transcript.add("   [" + stepId + ": error (" + why + "), running on_error]");
      }
    };
  }

  /** The demo connectors; for "lookup-down" every lookup throws, as the golden calls have it. */
  private static Connectors connectors(String name) {
    Connectors demo = DemoConnectors.create(ShippedFlows.CLOCK);
    if (!name.startsWith("lookup-down")) {
      return demo;
    }
    List<LookupConnector> broken = new ArrayList<>();
    for (String lookup : demo.lookupNames()) {
      broken.add(
          new LookupConnector() {
            @Override
            public String name() {
              return lookup;
            }

            @Override
            public LookupResult lookup(LookupRequest request) {
              throw new IllegalStateException("database connection refused");
            }
          });
    }
    return Connectors.of(
        broken, demo.paymentNames().stream().map(n -> demo.payment(n).orElseThrow()).toList());
  }
}

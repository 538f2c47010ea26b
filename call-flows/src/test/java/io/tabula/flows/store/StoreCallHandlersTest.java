package io.tabula.flows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.LaterCallSteps;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.run.CallJournal;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store flows run on the call's event loop: their handlers are stepped, journaled or not. */
class StoreCallHandlersTest {

  @TempDir Path root;

  private final FlowCompiler compiler = new FlowCompiler(ShippedFlows.catalog());

  private PublishedFlows published() throws Exception {
    Path file = root.resolve("source/city/parking-ticket.yaml");
    Files.createDirectories(file.getParent());
    Files.copy(ShippedFlows.file("city/parking-ticket.yaml"), file);
    FlowStore store = new FlowStore(root.resolve("store"), compiler);
    store.publish(file);
    PublishedFlows flows = new PublishedFlows(store, compiler);
    flows.refresh();
    return flows;
  }

  @Test
  void handlersWithoutAJournalAreStepped() throws Exception {
    CallHandler handler =
        new StoreCallHandlers(
                published(), DemoConnectors.create(ShippedFlows.CLOCK), RunnerConfig.defaults())
            .find("city", "parking-ticket")
            .orElseThrow();
    assertThat(handler).isInstanceOf(SteppedCallHandler.class);
  }

  @Test
  void callsOfOneLiveVersionShareItsRunnerAndANewVersionGetsItsOwn() throws Exception {
    PublishedFlows flows = published();
    StoreCallHandlers handlers =
        new StoreCallHandlers(
            flows, DemoConnectors.create(ShippedFlows.CLOCK), RunnerConfig.defaults());
    CallHandler first = handlers.find("city", "parking-ticket").orElseThrow();
    assertThat(handlers.find("city", "parking-ticket").orElseThrow()).isSameAs(first);

    Path file = root.resolve("source/city/parking-ticket.yaml");
    Files.writeString(
        file, Files.readString(file).replace("Welcome to the City", "Hello from the City"));
    new FlowStore(root.resolve("store"), compiler).publish(file);
    flows.refresh();
    CallHandler second = handlers.find("city", "parking-ticket").orElseThrow();
    assertThat(second).isNotSameAs(first);
    assertThat(((io.tabula.flows.run.FlowRunner) second).flow().promptText("welcome"))
        .startsWith("Hello from the City");
  }

  @Test
  void aJournaledStoreCallOnTheMachineIsJournaledAndFinishedBeforeItEnds() throws Exception {
    List<String> heard = new ArrayList<>();
    CallHandler handler =
        new StoreCallHandlers(
                published(),
                DemoConnectors.create(ShippedFlows.CLOCK),
                new RunnerConfig(ShippedFlows.CLOCK, io.tabula.flows.run.FlowEvents.NONE),
                (flow, version, info) -> {
                  heard.add("open " + flow.name() + " v" + version);
                  return new CallJournal() {
                    @Override
                    public void ended(String how) {
                      heard.add("ended: " + how);
                    }

                    @Override
                    public void finished() {
                      heard.add("finished");
                    }
                  };
                })
            .find("city", "parking-ticket")
            .orElseThrow();
    assertThat(handler).isInstanceOf(SteppedCallHandler.class);

    List<RuntimeException> ends = new ArrayList<>();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
      CallInfo info =
          new CallInfo(
              new CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5"),
              "1732350000.42",
              "city",
              "parking-ticket",
              "SIP/t-1",
              "555",
              "en",
              List.of());
      SimulatedCallPort port =
          new SimulatedCallPort(info, memory, KeySource.script("87654321#"), new Transcript());
      try (LaterCallSteps steps = new LaterCallSteps(port)) {
        ((SteppedCallHandler) handler).start(steps, ends::add);
        steps.pumpUntil(() -> !ends.isEmpty(), Duration.ofMinutes(1));
      }
      assertThat(port.ending()).isEqualTo(SimulatedCallPort.Ending.HANGUP);
    }
    assertThat(ends).containsExactly((RuntimeException) null);
    assertThat(heard).containsExactly("open parking-ticket v1", "ended: hangup", "finished");
  }

  @Test
  void aJournalThatCannotBeOpenedEndsTheSteppedCallOnceWithItsFailure() throws Exception {
    IllegalStateException refused = new IllegalStateException("journal refused");
    CallHandler handler =
        new StoreCallHandlers(
                published(),
                DemoConnectors.create(ShippedFlows.CLOCK),
                RunnerConfig.defaults(),
                (flow, version, info) -> {
                  throw refused;
                })
            .find("city", "parking-ticket")
            .orElseThrow();
    List<RuntimeException> ends = new ArrayList<>();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
      CallInfo info =
          new CallInfo(
              new CallId("5f0c3a9e1b7d42c8a6e0f9d1c2b3a4e5"),
              "1732350000.42",
              "city",
              "parking-ticket",
              "SIP/t-1",
              "555",
              "en",
              List.of());
      SimulatedCallPort port =
          new SimulatedCallPort(info, memory, KeySource.script(""), new Transcript());
      try (LaterCallSteps steps = new LaterCallSteps(port)) {
        ((SteppedCallHandler) handler).start(steps, ends::add);
        assertThat(steps.commands()).isZero();
      }
    }
    assertThat(ends).containsExactly(refused);
  }
}

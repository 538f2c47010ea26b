package io.tabula.journal;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.CallJournals;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs shipped flows on simulated calls with a call journal, as the engine does. */
public final class JournalCalls {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  public static final String PAID_PARKING_CALL = "12345678# 1 4242424242424242# 1230 123";

  private static final SecureRandom RANDOM = new SecureRandom();

  private JournalCalls() {}

  public static Flow flow(String relative) {
    Path file = Path.of(System.getProperty("tabula.repo.dir", "..")).resolve("flows/" + relative);
    try {
      FlowCompiler.Compiled compiled =
          new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(CLOCK))).compile(file);
      return compiled.flow().orElseThrow(() -> new AssertionError(compiled.problems().toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One call of {@code flow} with these keys, journaled through {@code journals}. */
  public static SimulatedCallPort.Ending call(
      CallMemoryPool pool, Flow flow, String keys, CallJournals journals) {
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
      throw new IllegalStateException("the test's call memory is full");
    }
    try {
      CallInfo info =
          new CallInfo(
              CallId.random(RANDOM),
              "sim-0001",
              flow.tenant(),
              flow.name(),
              "SIP/sim-00000001",
              "5551234",
              "en",
              List.of());
      SimulatedCallPort port =
          new SimulatedCallPort(info, memory, KeySource.script(keys), new Transcript());
      new FlowRunner(
              flow,
              DemoConnectors.create(CLOCK),
              new RunnerConfig(CLOCK, io.tabula.flows.run.FlowEvents.NONE))
          .handle(port, journals.open(flow, 1, info));
      return port.ending();
    } finally {
      memory.release();
    }
  }
}

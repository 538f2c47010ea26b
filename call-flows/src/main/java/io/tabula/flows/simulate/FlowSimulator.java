package io.tabula.flows.simulate;

import io.tabula.flows.connect.Connectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.run.FlowEvents;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Runs a flow on a simulated call against in-memory connectors and returns the transcript: what
 * {@code tabula flows simulate} prints and what the golden tests compare.
 *
 * <pre>{@code
 * try (CallMemoryPool pool = FlowSimulator.smallPool()) {
 *   Simulation s = new FlowSimulator(pool, DemoConnectors.create(clock), clock)
 *       .run(flow, KeySource.script("12345678# 1"), new Transcript());
 * }
 * }</pre>
 */
public final class FlowSimulator {

  /** What a simulated call did. */
  public record Simulation(
      List<String> transcript, SimulatedCallPort.Ending ending, boolean memoryZeroed) {}

  private final CallMemoryPool pool;
  private final Connectors connectors;
  private final Clock clock;
  private long calls;

  public FlowSimulator(CallMemoryPool pool, Connectors connectors, Clock clock) {
    this.pool = pool;
    this.connectors = connectors;
    this.clock = clock;
  }

  /** A pool for a few simulated calls, without asking the OS to lock memory. */
  public static CallMemoryPool smallPool() {
    return CallMemoryPool.open(
        new io.tabula.masking.memory.CallMemoryPoolConfig(4, 1024, false, false));
  }

  public Simulation run(Flow flow, KeySource keys, Transcript transcript) {
    return run(flow, keys, transcript, "en", port -> port);
  }

  /**
   * A call whose channel language ({@code agi_language}) is {@code channelLanguage}: the flow
   * answers in it when it is one of its languages.
   */
  public Simulation run(Flow flow, KeySource keys, Transcript transcript, String channelLanguage) {
    return run(flow, keys, transcript, channelLanguage, port -> port);
  }

  /**
   * As above, with {@code listener} in front of the simulated port: what {@code flows simulate
   * --audio} uses to note everything played and keyed. The listener passes every call on.
   */
  public Simulation run(
      Flow flow,
      KeySource keys,
      Transcript transcript,
      String channelLanguage,
      UnaryOperator<CallPort> listener) {
    return run(
        flow,
        (info, memory) -> new SimulatedCallPort(info, memory, keys, transcript),
        transcript,
        channelLanguage,
        listener);
  }

  /** A person plays the caller at {@code keypad}, like a phone; keys are echoed on {@code out}. */
  public Simulation run(Flow flow, Keypad keypad, PrintWriter out, Transcript transcript) {
    return run(flow, keypad, out, transcript, "en", port -> port);
  }

  /** As above, on a channel in {@code channelLanguage}, with {@code listener} in front. */
  public Simulation run(
      Flow flow,
      Keypad keypad,
      PrintWriter out,
      Transcript transcript,
      String channelLanguage,
      UnaryOperator<CallPort> listener) {
    return run(
        flow,
        (info, memory) -> new SimulatedCallPort(info, memory, keypad, out, transcript),
        transcript,
        channelLanguage,
        listener);
  }

  private Simulation run(
      Flow flow,
      BiFunction<CallInfo, CallMemory, SimulatedCallPort> ports,
      Transcript transcript,
      String channelLanguage,
      UnaryOperator<CallPort> listener) {
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
      throw new IllegalStateException(
          "the simulator's call memory is full; finish earlier calls first");
    }
    // A counted id, not a random one: transcripts stay the same from run to run, and each simulated
    // call still has keys of its own.
    CallId callId = new CallId(String.format(java.util.Locale.ROOT, "%032x", ++calls));
    CallInfo info =
        new CallInfo(
            callId,
            "sim-0001",
            flow.tenant(),
            flow.name(),
            "SIP/sim-00000001",
            "5551234",
            channelLanguage,
            List.of());
    SimulatedCallPort port = ports.apply(info, memory);
    transcript.add(
        "== " + flow.tenant() + "/" + flow.name() + " (simulated call " + info.uniqueId() + ")");
    new FlowRunner(flow, connectors, new RunnerConfig(clock, events(transcript)))
        .handle(listener.apply(port));
    // What the engine does when a handler returns: make sure the memory is zeroed.
    boolean zeroedByFlow = memory.isReleased();
    memory.release();
    boolean zero = pool.slotIsZero(memory.slot());
    transcript.add(
        "== call ended: "
            + port.ending().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + (zeroedByFlow && zero
                ? "; call memory zeroed"
                : "; call memory zeroed by the engine after the flow"));
    return new Simulation(transcript.lines(), port.ending(), zeroedByFlow && zero);
  }

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
}

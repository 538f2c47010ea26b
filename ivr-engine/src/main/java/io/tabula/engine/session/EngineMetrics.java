package io.tabula.engine.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's call meters. Tags carry outcomes, reasons and AGI verbs only, never call data.
 *
 * <ul>
 *   <li>{@code tabula.calls.active} (gauge: calls holding a call slot; callers being turned away
 *       are counted in {@code tabula.calls.rejected} only)
 *   <li>{@code tabula.calls.ended{outcome}} (counter)
 *   <li>{@code tabula.calls.rejected{reason=engine_full|no_route}} (counter)
 *   <li>{@code tabula.calls.zeroed} (counter: call memories zeroed by sessions)
 *   <li>{@code tabula.agi.command.roundtrip{command}} (timer, with percentiles 0.5, 0.99, 0.999 of
 *       the last 30 to 60 s; a command the flow sends as it takes the last reply counts from that
 *       reply's arrival)
 *   <li>{@code tabula.prompts.missing{prompt}}: prompts played or collected without a sound file
 * </ul>
 *
 * Pool usage comes from {@code CallMemoryMetrics} ({@code tabula.callmemory.*}).
 */
public final class EngineMetrics {

  /** How long each of the round trip's two percentile histograms runs ({@link #roundTripTimer}). */
  private static final Duration ROUND_TRIP_WINDOW = Duration.ofMinutes(1);

  private final MeterRegistry registry;
  private final AtomicInteger active = new AtomicInteger();
  private final Map<CallOutcome, Counter> ended = new EnumMap<>(CallOutcome.class);
  private final Counter rejectedFull;
  private final Counter rejectedNoRoute;
  private final Counter zeroed;

  /**
   * One timer per AGI verb, looked up once: building and registering the meter on every command
   * (id, tags, registry lookup) cost more than recording into it.
   */
  private final Map<String, Timer> roundTrips = new ConcurrentHashMap<>();

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("tabula.calls.active", active);
    for (CallOutcome outcome : CallOutcome.values()) {
      ended.put(
          outcome,
          Counter.builder("tabula.calls.ended").tag("outcome", outcome.tag()).register(registry));
    }
    rejectedFull =
        Counter.builder("tabula.calls.rejected").tag("reason", "engine_full").register(registry);
    rejectedNoRoute =
        Counter.builder("tabula.calls.rejected").tag("reason", "no_route").register(registry);
    zeroed = Counter.builder("tabula.calls.zeroed").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * @param holdsSlot whether the call got a call slot; one turned away is not active
   */
  void callStarted(boolean holdsSlot) {
    if (holdsSlot) {
      active.incrementAndGet();
    }
  }

  /**
   * @param holdsSlot what {@link #callStarted} was told for this call
   */
  void callEnded(CallOutcome outcome, boolean holdsSlot) {
    if (holdsSlot) {
      active.decrementAndGet();
    }
    ended.get(outcome).increment();
    if (outcome == CallOutcome.REJECTED_ENGINE_FULL) {
      rejectedFull.increment();
    } else if (outcome == CallOutcome.REJECTED_NO_ROUTE) {
      rejectedNoRoute.increment();
    }
  }

  /** A prompt Asterisk had no sound file for; the tag is the flow's prompt id, never call data. */
  void promptMissing(String prompt) {
    Counter.builder("tabula.prompts.missing")
        .tag("prompt", prompt)
        .description("Prompts Asterisk answered result=-1 for while the channel was up")
        .register(registry)
        .increment();
  }

  void memoryZeroed() {
    zeroed.increment();
  }

  void commandRoundTrip(String verb, long nanos) {
    // get first: computeIfAbsent with a bound method reference allocates on every command.
    Timer timer = roundTrips.get(verb);
    if (timer == null) {
      timer = roundTrips.computeIfAbsent(verb, this::roundTripTimer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Percentiles over the last 30 to 60 seconds: two histograms of a minute, one started afresh
   * every half minute. Micrometer's default on the Prometheus registry (three of a minute, 40 to 60
   * seconds) wrote every command into three histograms; one fewer is about 20 ns a command
   * (docs/engine.md, "Java per command").
   */
  private Timer roundTripTimer(String verb) {
    return Timer.builder("tabula.agi.command.roundtrip")
        .tag("command", verb)
        .publishPercentiles(0.5, 0.99, 0.999)
        .distributionStatisticBufferLength(2)
        .distributionStatisticExpiry(ROUND_TRIP_WINDOW)
        .register(registry);
  }

  public int activeCalls() {
    return active.get();
  }

  public double ended(CallOutcome outcome) {
    return ended.get(outcome).count();
  }

  public double zeroedCount() {
    return zeroed.count();
  }
}

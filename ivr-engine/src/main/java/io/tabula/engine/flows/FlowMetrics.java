package io.tabula.engine.flows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.CallJournal;
import io.tabula.flows.run.CallJournals;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls per tenant and flow, for the console's watch page:
 *
 * <ul>
 *   <li>{@code tabula.flow.calls.active{tenant,flow}} (gauge): calls running the flow now
 *   <li>{@code tabula.flow.calls.started{tenant,flow}} (counter)
 *   <li>{@code tabula.flow.calls.ended{tenant,flow,outcome}} (counter), one {@link Outcome} per
 *       call
 * </ul>
 *
 * The only tags are the tenant and flow of a published flow (a call whose path names no flow is
 * never counted here, so a caller or a stranger cannot make new series) and the outcome, from a
 * fixed list. Nothing about a caller: the watcher hears payment outcomes as their type, never the
 * card, the amount or the reference. Beyond {@link #MAX_FLOWS} flows, further flows count under
 * {@code tenant="other", flow="other"}.
 */
public final class FlowMetrics implements CallJournals {

  /** How a call of a flow ended. */
  public enum Outcome {
    /** The last payment of the call was approved. */
    PAID,
    /** The last payment was declined. */
    DECLINED,
    /** The last payment's result is unknown (the card may have been charged). */
    UNKNOWN,
    TRANSFERRED,
    /** The caller hung up (or the line dropped) before the flow ended, with no payment. */
    ABANDONED,
    /** The flow's error path ran, or a payment failed without a charge, with no later payment. */
    ERROR,
    /** The flow ended on its own, with no payment. */
    COMPLETED;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final int MAX_FLOWS = 500;
  private static final String OTHER = "other";

  private final MeterRegistry registry;
  private final Map<String, FlowMeters> meters = new ConcurrentHashMap<>();

  public FlowMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** These metrics and {@code journals} (the call journal) both hear each call. */
  public CallJournals and(CallJournals journals) {
    if (journals == CallJournals.NONE) {
      return this;
    }
    return (flow, version, info) ->
        CallJournal.both(open(flow, version, info), journals.open(flow, version, info));
  }

  @Override
  public CallJournal open(Flow flow, int version, CallInfo info) {
    FlowMeters flowMeters = metersOf(flow.tenant(), flow.name());
    flowMeters.started.increment();
    flowMeters.active.incrementAndGet();
    return new CallWatch(flowMeters);
  }

  /** How many calls of {@code tenant/flow} ended as {@code outcome}. */
  public double ended(String tenant, String flow, Outcome outcome) {
    FlowMeters flowMeters = meters.get(tenant + "/" + flow);
    return flowMeters == null ? 0 : flowMeters.ended.get(outcome).count();
  }

  private FlowMeters metersOf(String tenant, String flow) {
    String key = tenant + "/" + flow;
    FlowMeters known = meters.get(key);
    if (known != null) {
      return known;
    }
    if (meters.size() >= MAX_FLOWS) {
      return meters.computeIfAbsent(OTHER + "/" + OTHER, k -> new FlowMeters(OTHER, OTHER));
    }
    return meters.computeIfAbsent(key, k -> new FlowMeters(tenant, flow));
  }

  private final class FlowMeters {
    final AtomicInteger active = new AtomicInteger();
    final Counter started;
    final Map<Outcome, Counter> ended = new EnumMap<>(Outcome.class);

    FlowMeters(String tenant, String flow) {
      Tags tags = Tags.of("tenant", tenant, "flow", flow);
      registry.gauge("tabula.flow.calls.active", tags, active);
      started = Counter.builder("tabula.flow.calls.started").tags(tags).register(registry);
      for (Outcome outcome : Outcome.values()) {
        ended.put(
            outcome,
            Counter.builder("tabula.flow.calls.ended")
                .tags(tags)
                .tag("outcome", outcome.tag())
                .register(registry));
      }
    }
  }

  /** One call: remembers what decides its outcome, and counts it once the flow returns. */
  private static final class CallWatch implements CallJournal {
    private final FlowMeters meters;
    private Outcome payment;
    private boolean transferred;
    private boolean failed;
    private boolean hungUp;
    private boolean counted;

    CallWatch(FlowMeters meters) {
      this.meters = meters;
    }

    @Override
    public void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {
      payment =
          switch (outcome) {
            case PaymentOutcome.Approved _ -> Outcome.PAID;
            case PaymentOutcome.Declined _ -> Outcome.DECLINED;
            case PaymentOutcome.Unknown _ -> Outcome.UNKNOWN;
            case PaymentOutcome.Failed _ -> Outcome.ERROR;
          };
    }

    @Override
    public void error(String stepId, String why) {
      failed = true;
    }

    @Override
    public void ended(String how) {
      if (how.startsWith("transfer")) {
        transferred = true;
      } else if (how.equals("caller hung up") || how.equals("connection lost")) {
        hungUp = true;
      }
    }

    @Override
    public void finished() {
      if (counted) {
        return;
      }
      counted = true;
      meters.active.decrementAndGet();
      meters.ended.get(outcome()).increment();
    }

    private Outcome outcome() {
      if (payment != null) {
        return payment;
      }
      if (transferred) {
        return Outcome.TRANSFERRED;
      }
      if (failed) {
        return Outcome.ERROR;
      }
      return hungUp ? Outcome.ABANDONED : Outcome.COMPLETED;
    }
  }
}

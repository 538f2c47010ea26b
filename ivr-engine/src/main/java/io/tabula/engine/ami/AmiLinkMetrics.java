package io.tabula.engine.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Micrometer meters of one AMI link. Tags hold the endpoint name, the state, the action name
 * and its outcome: never a channel, a value or a reply line.
 *
 * <ul>
 *   <li>{@code tabula.ami.link.state{asterisk,state}}: 1 for the current state, 0 for the others
 *   <li>{@code tabula.ami.link.state.since{asterisk}}: epoch seconds of the last state change
 *   <li>{@code tabula.ami.link.reconnects{asterisk}}: connections lost after a login
 *   <li>{@code tabula.ami.messages.dropped{asterisk}}: DTMF/digit-bearing messages dropped on the
 *       client side. Above 0 means manager.conf lets them through: fix its read/eventfilter lines.
 *   <li>{@code tabula.ami.action{asterisk,action,outcome}}: action round trips
 * </ul>
 *
 * <p>The gauges hold {@code health} strongly: Micrometer holds a gauge's state object weakly by
 * default, and a method reference such as {@code link::health} is held by nothing else, so it was
 * collected and the gauges read NaN.
 *
 * <p>Example: {@code new AmiLinkMetrics(registry, "pbx1", link::health)}.
 */
final class AmiLinkMetrics {

  private final MeterRegistry registry;
  private final String asterisk;
  private final Counter reconnects;
  private final Counter dropped;

  AmiLinkMetrics(MeterRegistry registry, String asterisk, Supplier<AmiLinkHealth> health) {
    this.registry = registry;
    this.asterisk = asterisk;
    for (AmiLinkState state : AmiLinkState.values()) {
      Gauge.builder("tabula.ami.link.state", health, h -> h.get().state() == state ? 1 : 0)
          .tag("asterisk", asterisk)
          .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
          .description("1 for the AMI link's current state")
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("tabula.ami.link.state.since", health, h -> h.get().since().getEpochSecond())
        .tag("asterisk", asterisk)
        .description("Epoch seconds when the AMI link entered its current state")
        .strongReference(true)
        .register(registry);
    this.reconnects =
        Counter.builder("tabula.ami.link.reconnects")
            .tag("asterisk", asterisk)
            .description("AMI connections lost after a successful login")
            .register(registry);
    this.dropped =
        Counter.builder("tabula.ami.messages.dropped")
            .tag("asterisk", asterisk)
            .description("AMI messages dropped client-side because they may carry caller digits")
            .register(registry);
  }

  void connectionLost() {
    reconnects.increment();
  }

  void messageDropped() {
    dropped.increment();
  }

  void action(String action, String outcome, Duration elapsed) {
    Timer.builder("tabula.ami.action")
        .tag("asterisk", asterisk)
        .tag("action", action)
        .tag("outcome", outcome)
        .register(registry)
        .record(elapsed);
  }
}

package io.tabula.engine.flows;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.engine.admin.Capability;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.flows.store.FlowVersion;
import io.tabula.flows.store.StoreReach;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The flow store as {@code /health} and {@code /metrics} show it. A store that cannot be reached is
 * DEGRADED, not DOWN: the versions already live keep serving every call, only a new publish waits
 * until the store is back. Metrics: {@code tabula_flows_store_reachable} (1 or 0) and {@code
 * tabula_flows_store_failed_checks_total}, for an alert that outlives one failed check.
 *
 * <pre>{@code
 * admin.register(FlowStoreHealth.check(flows, where));
 * FlowStoreHealth.bind(registry, flows);
 * }</pre>
 */
public final class FlowStoreHealth {

  /** The health line's name. */
  public static final String NAME = "flows.store";

  private FlowStoreHealth() {}

  /** The {@value #NAME} line; {@code where} names the store (a folder or a PostgreSQL URL). */
  public static HealthCheck check(EngineFlows flows, String where) {
    return HealthCheck.of(NAME, Capability.FLOW_UPDATES, () -> status(flows, where));
  }

  static HealthStatus status(EngineFlows flows, String where) {
    StoreReach reach = flows.reach();
    String live = live(flows);
    if (reach.reachable()) {
      return HealthStatus.up(where + " reachable; serving " + live);
    }
    return HealthStatus.degraded(
        where
            + " unreachable since "
            + reach.since()
            + " ("
            + reach.problem()
            + ", "
            + reach.failures()
            + " failed check(s)); calls are served by the last good versions: "
            + live
            + "; a version published meanwhile goes live when the store is back");
  }

  private static String live(EngineFlows flows) {
    String versions =
        flows.published().all().stream()
            .sorted(Comparator.comparing(FlowVersion::tenant).thenComparing(FlowVersion::name))
            .map(v -> v.tenant() + "/" + v.name() + " v" + v.version())
            .collect(Collectors.joining(", "));
    return versions.isEmpty() ? "no flow yet" : versions;
  }

  /** Registers the store's metrics for {@code flows}. */
  public static void bind(MeterRegistry registry, EngineFlows flows) {
    Gauge.builder("tabula.flows.store.reachable", flows, f -> f.reach().reachable() ? 1 : 0)
        .description("1 while the engine's last look into its flow store worked, else 0")
        .register(registry);
    FunctionCounter.builder("tabula.flows.store.failed.checks", flows, new FailedChecks()::total)
        .description("looks into the flow store that failed")
        .register(registry);
  }

  /**
   * Counts failed looks monotonically: {@link StoreReach#failures()} restarts at every outage, a
   * counter must not go down.
   */
  private static final class FailedChecks {
    private long counted;
    private long seenInOutage;
    private java.time.Instant outage;

    synchronized double total(EngineFlows flows) {
      StoreReach reach = flows.reach();
      if (!reach.reachable()) {
        if (!reach.since().equals(outage)) {
          outage = reach.since();
          seenInOutage = 0;
        }
        counted += reach.failures() - seenInOutage;
        seenInOutage = reach.failures();
      }
      return counted;
    }
  }
}

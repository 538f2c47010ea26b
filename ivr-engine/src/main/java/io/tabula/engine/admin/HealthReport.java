package io.tabula.engine.admin;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of every registered check, of every capability (the worst of its checks), and the
 * overall state. A check that throws counts as DOWN with the exception's type as its detail.
 *
 * <p>Overall is the state of {@link Capability#CALLS}; a capability other than taking calls that is
 * down or degraded makes the engine DEGRADED, not DOWN: while the AMI link is down a call without
 * card entry still works, so a load balancer keeps sending calls, and each secure step refuses to
 * start on its own.
 */
public record HealthReport(
    HealthStatus.State overall,
    Map<String, HealthStatus> checks,
    Map<Capability, HealthStatus.State> capabilities) {

  public HealthReport {
    checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    capabilities = java.util.Collections.unmodifiableMap(new EnumMap<>(capabilities));
  }

  static HealthReport of(Collection<HealthCheck> healthChecks) {
    Map<String, HealthStatus> results = new LinkedHashMap<>();
    Map<Capability, HealthStatus.State> capabilities = new EnumMap<>(Capability.class);
    capabilities.put(Capability.CALLS, HealthStatus.State.UP);
    for (HealthCheck check : healthChecks) {
      HealthStatus status = run(check);
      results.put(check.name(), status);
      capabilities.merge(check.capability(), status.state(), HealthReport::worse);
    }
    HealthStatus.State overall = capabilities.get(Capability.CALLS);
    for (Map.Entry<Capability, HealthStatus.State> capability : capabilities.entrySet()) {
      if (capability.getKey() != Capability.CALLS
          && capability.getValue() != HealthStatus.State.UP) {
        overall = worse(overall, HealthStatus.State.DEGRADED);
      }
    }
    return new HealthReport(overall, results, capabilities);
  }

  private static HealthStatus.State worse(HealthStatus.State a, HealthStatus.State b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static HealthStatus run(HealthCheck check) {
    try {
      return check.check();
    } catch (RuntimeException failure) {
      return HealthStatus.down("health check failed: " + failure.getClass().getSimpleName());
    }
  }

  /** Whether a load balancer or a container runtime should keep sending calls here. */
  public boolean serving() {
    return overall != HealthStatus.State.DOWN;
  }
}

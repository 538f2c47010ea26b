package io.tabula.engine.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of every registered check and the overall state, which is the worst of them. A check
 * that throws counts as DOWN with the exception's type as its detail.
 */
public record HealthReport(HealthStatus.State overall, Map<String, HealthStatus> checks) {

  public HealthReport {
    checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
  }

  static HealthReport of(Collection<HealthCheck> healthChecks) {
    Map<String, HealthStatus> results = new LinkedHashMap<>();
    HealthStatus.State overall = HealthStatus.State.UP;
    for (HealthCheck check : healthChecks) {
      HealthStatus status = run(check);
      results.put(check.name(), status);
      if (status.state().compareTo(overall) > 0) {
        overall = status.state();
      }
    }
    return new HealthReport(overall, results);
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

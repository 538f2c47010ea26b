package io.tabula.engine.admin;

/**
 * How one component is doing, with a line a telephony admin can act on.
 *
 * @param state UP, DEGRADED (working with a limitation, e.g. memory not locked) or DOWN
 * @param detail what is wrong or what is active, never call data
 */
public record HealthStatus(State state, String detail) {

  /** Ordered from best to worst, so the overall state is the worst of all checks. */
  public enum State {
    UP,
    DEGRADED,
    DOWN
  }

  public static HealthStatus up(String detail) {
    return new HealthStatus(State.UP, detail);
  }

  public static HealthStatus degraded(String detail) {
    return new HealthStatus(State.DEGRADED, detail);
  }

  public static HealthStatus down(String detail) {
    return new HealthStatus(State.DOWN, detail);
  }
}

package io.tabula.engine.admin;

import java.util.function.Supplier;

/**
 * One part of the engine that can say how it is: the FastAGI listener, the call-memory pool, an AMI
 * link, a tenant database. Checks must be quick and must never block on the network; they report
 * the state their component already knows.
 */
public interface HealthCheck {

  /** A short stable name, e.g. {@code agi}, {@code ami.pbx1}, {@code callmemory}. */
  String name();

  HealthStatus check();

  /** What callers lose while this part is down; taking calls at all unless said otherwise. */
  default Capability capability() {
    return Capability.CALLS;
  }

  /** A check named {@code name} that reports whatever {@code status} says when asked. */
  static HealthCheck of(String name, Supplier<HealthStatus> status) {
    return of(name, Capability.CALLS, status);
  }

  /** A check of one part of {@code capability}. */
  static HealthCheck of(String name, Capability capability, Supplier<HealthStatus> status) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public HealthStatus check() {
        return status.get();
      }

      @Override
      public Capability capability() {
        return capability;
      }
    };
  }
}

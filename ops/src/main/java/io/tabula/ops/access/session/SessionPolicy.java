package io.tabula.ops.access.session;

import java.time.Duration;

/**
 * How long a session lives.
 *
 * @param idle ends after this long without a request (PCI DSS 8.2.8: at most 15 minutes)
 * @param maximum ends this long after sign-in, however active
 */
public record SessionPolicy(Duration idle, Duration maximum) {

  /** 15 minutes idle, 8 hours at most (a working day). */
  public static final SessionPolicy DEFAULT =
      new SessionPolicy(Duration.ofMinutes(15), Duration.ofHours(8));

  public SessionPolicy {
    if (idle.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException(
          "an idle limit of " + idle + " exceeds PCI DSS 8.2.8's 15 minutes; use 15m or less");
    }
    if (maximum.compareTo(idle) < 0) {
      throw new IllegalArgumentException(
          "the maximum session length is shorter than the idle limit; raise maximum");
    }
  }
}

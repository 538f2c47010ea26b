package io.tabula.flowstore;

import java.time.Duration;
import java.util.Objects;

/**
 * How an engine follows the PostgreSQL flow store.
 *
 * @param checkInterval how often the engine looks for new versions even without a notification (the
 *     fallback when a NOTIFY is lost, e.g. while the listening connection was down)
 * @param reconnectDelay how long to wait before connecting again after the store went away
 * @param listen whether to LISTEN at all; {@code false} relies on the periodic check alone, for a
 *     connection pooler between engine and store that does not carry LISTEN (PgBouncer in
 *     transaction mode)
 */
public record WatchOptions(Duration checkInterval, Duration reconnectDelay, boolean listen) {

  public WatchOptions {
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("the flow store check interval must be positive, e.g. 5s");
    }
    if (reconnectDelay.isNegative()) {
      throw new IllegalArgumentException("the flow store reconnect delay must not be negative");
    }
  }

  /** LISTEN, with a check every {@code checkInterval} and a reconnect after one second. */
  public static WatchOptions listening(Duration checkInterval) {
    return new WatchOptions(checkInterval, Duration.ofSeconds(1), true);
  }
}

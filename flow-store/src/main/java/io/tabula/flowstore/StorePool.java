package io.tabula.flowstore;

import java.time.Duration;
import java.util.Objects;

/**
 * The few pooled connections a {@link PostgresFlowStore} reads and publishes through, so that an
 * engine's checks and the console's pages do not each pay a TLS handshake. The LISTEN connection of
 * {@link FlowStoreWatch} is never one of them: it stays a dedicated connection of its own.
 *
 * <pre>{@code
 * PostgresFlowStore store = PostgresFlowStore.open(database, compiler, StorePool.within(poll));
 * }</pre>
 *
 * @param size the most connections open at once, 1 to 16 (a store's operations are short)
 * @param connectionTimeout how long an operation waits for a connection before the store counts as
 *     unreachable (at least 250 ms, HikariCP's floor); keep it shorter than the engine's check
 *     interval so an outage is reported before the next check begins
 */
public record StorePool(int size, Duration connectionTimeout) {

  /** HikariCP refuses shorter waits (and reads 0 as "forever"). */
  static final Duration SHORTEST_WAIT = Duration.ofMillis(250);

  static final Duration LONGEST_DEFAULT_WAIT = Duration.ofSeconds(2);

  static final int DEFAULT_SIZE = 3;

  public StorePool {
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    if (size < 1 || size > 16) {
      throw new IllegalArgumentException(
          "a flow store pool of " + size + " connections is unusable; give 1 to 16, e.g. 3");
    }
    if (connectionTimeout.compareTo(SHORTEST_WAIT) < 0) {
      throw new IllegalArgumentException(
          "the flow store connection timeout "
              + connectionTimeout
              + " is shorter than HikariCP's floor of 250 ms; give at least PT0.25S");
    }
  }

  /** Three connections, waiting at most two seconds for one. */
  public static StorePool defaults() {
    return new StorePool(DEFAULT_SIZE, LONGEST_DEFAULT_WAIT);
  }

  /**
   * For an engine that checks the store every {@code checkInterval}: the wait for a connection is
   * half of it (250 ms at least, two seconds at most), so an outage is in /health by the next
   * check.
   */
  public static StorePool within(Duration checkInterval) {
    Duration half = checkInterval.dividedBy(2);
    Duration wait =
        half.compareTo(SHORTEST_WAIT) < 0
            ? SHORTEST_WAIT
            : half.compareTo(LONGEST_DEFAULT_WAIT) > 0 ? LONGEST_DEFAULT_WAIT : half;
    return new StorePool(DEFAULT_SIZE, wait);
  }
}

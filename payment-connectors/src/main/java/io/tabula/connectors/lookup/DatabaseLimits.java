package io.tabula.connectors.lookup;

import java.time.Duration;

/**
 * Time and size limits of one tenant's pool. A caller waits on the line while a lookup runs, so
 * every limit is in seconds, not minutes.
 *
 * @param connect TCP connect plus TLS and login (pgjdbc counts whole seconds, rounded up)
 * @param acquire waiting for a pooled connection (HikariCP's floor is 250 ms)
 * @param statement server-side statement timeout: a slow query is cancelled by the database
 * @param maxPoolSize the most connections to this database from one engine
 * @param minIdle connections kept open while idle, so the first caller does not pay for TLS
 */
public record DatabaseLimits(
    Duration connect, Duration acquire, Duration statement, int maxPoolSize, int minIdle) {

  public DatabaseLimits {
    requirePositive(connect, "connect");
    requirePositive(statement, "statement");
    if (acquire.compareTo(Duration.ofMillis(250)) < 0) {
      throw new IllegalArgumentException(
          "the pool acquire limit is " + acquire.toMillis() + " ms; use 250 ms or more");
    }
    if (maxPoolSize < 1 || minIdle < 0 || minIdle > maxPoolSize) {
      throw new IllegalArgumentException(
          "pool sizes need 1 <= maxPoolSize and 0 <= minIdle <= maxPoolSize; got maxPoolSize="
              + maxPoolSize
              + ", minIdle="
              + minIdle);
    }
  }

  /** 3 s to connect, 1 s to acquire, 2 s per statement, up to 10 connections, 2 kept idle. */
  public static DatabaseLimits defaults() {
    return new DatabaseLimits(
        Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2), 10, 2);
  }

  public DatabaseLimits withStatement(Duration limit) {
    return new DatabaseLimits(connect, acquire, limit, maxPoolSize, minIdle);
  }

  public DatabaseLimits withPoolSize(int max, int idle) {
    return new DatabaseLimits(connect, acquire, statement, max, idle);
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("the " + name + " limit must be positive");
    }
  }
}

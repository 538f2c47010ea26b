package io.tabula.journal.capture;

import java.time.Duration;
import java.util.Objects;

/**
 * How the journal queue runs.
 *
 * @param capacity records that may wait for the database (written or in the writer's hands
 *     included); one more is dropped, counted and alarmed
 * @param batchSize records written per transaction
 * @param firstRetry wait after the first failed write; doubles up to {@code maxRetry}
 * @param maxRetry longest wait between two tries while the database is down
 */
public record JournalQueueSettings(
    int capacity, int batchSize, Duration firstRetry, Duration maxRetry) {

  public JournalQueueSettings {
    if (capacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("journal queue capacity and batch size must be positive");
    }
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(maxRetry, "maxRetry");
  }

  /** 10,000 records, 100 per transaction, retries from 250 ms up to 10 s. */
  public static JournalQueueSettings defaults() {
    return new JournalQueueSettings(10_000, 100, Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  public JournalQueueSettings withCapacity(int newCapacity) {
    return new JournalQueueSettings(newCapacity, batchSize, firstRetry, maxRetry);
  }
}

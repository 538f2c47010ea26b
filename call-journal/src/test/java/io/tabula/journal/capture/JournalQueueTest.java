package io.tabula.journal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.store.JournalStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JournalQueueTest {

  private static JournalRecord record(String flow) {
    return new JournalRecord(
        UUID.randomUUID(),
        "city",
        flow,
        1,
        "c0ffee",
        Instant.EPOCH,
        Instant.EPOCH,
        List.of(),
        List.of(),
        List.of(),
        "hangup",
        List.of(),
        List.of());
  }

  @Test
  void whileTheDatabaseIsDownRecordsWaitAndTheOneBeyondCapacityIsDroppedCountedAndAlarmed()
      throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    List<JournalRecord> written = new CopyOnWriteArrayList<>();
    ListAppender<ILoggingEvent> alarms = new ListAppender<>();
    alarms.start();
    Logger alarm = (Logger) LoggerFactory.getLogger("io.tabula.journal.alarm");
    alarm.addAppender(alarms);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JournalQueueSettings settings =
        new JournalQueueSettings(2, 10, Duration.ofMillis(10), Duration.ofMillis(20));
    try (JournalQueue queue =
        JournalQueue.start(
            batch -> {
              if (down.get()) {
                throw new JournalStoreException("down (test)");
              }
              written.addAll(batch);
            },
            settings,
            registry)) {
      assertThat(queue.offer(record("a"))).isTrue();
      assertThat(queue.offer(record("b"))).isTrue();
      assertThat(queue.offer(record("c"))).isFalse();
      assertThat(queue.offer(record("d"))).isFalse();

      assertThat(queue.droppedCount()).isEqualTo(2);
      assertThat(registry.counter("tabula.journal.records", "outcome", "dropped").count())
          .isEqualTo(2);
      assertThat(alarms.list).hasSize(1);
      assertThat(alarms.list.getFirst().getFormattedMessage())
          .contains("city/c")
          .contains("is lost")
          .doesNotContain("c0ffee");

      down.set(false);
      assertThat(queue.awaitDrained(Duration.ofSeconds(10))).isTrue();
      assertThat(written).extracting(JournalRecord::flow).containsExactly("a", "b");
      assertThat(queue.writtenCount()).isEqualTo(2);
    } finally {
      alarm.detachAppender(alarms);
    }
  }

  @Test
  void aCallNeverWaitsForTheDatabase() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (JournalQueue queue =
        JournalQueue.start(
            batch -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            JournalQueueSettings.defaults().withCapacity(5),
            new SimpleMeterRegistry())) {
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        queue.offer(record("f" + i));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(queue.droppedCount()).isEqualTo(95);
      release.countDown();
      assertThat(queue.awaitDrained(Duration.ofSeconds(10))).isTrue();
    }
  }
}

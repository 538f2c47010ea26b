package io.tabula.journal.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.store.JournalSink;
import io.tabula.journal.store.JournalStoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue between the calls and the journal database, and its one writer thread. A call
 * only ever {@link #offer}s (never waits); the writer writes batches and, while the database is
 * down, keeps them and retries with a growing pause. The capacity counts the records in the
 * writer's hands too, so a failed batch always fits back. When the queue is full the new record is
 * dropped: counted ({@code tabula.journal.records{outcome=dropped}}) and logged as an alarm with
 * the tenant and flow, never a value (at most every 10 s while drops go on, with the count). The
 * queue holds only sealed values, never a clear one.
 *
 * <pre>{@code
 * try (JournalQueue queue = JournalQueue.start(sink, JournalQueueSettings.defaults(), registry)) {
 *   queue.offer(record);
 * }
 * }</pre>
 */
public final class JournalQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalQueue.class);

  /** Its own logger name, so operations can route the alarm to a pager. */
  private static final Logger ALARM = LoggerFactory.getLogger("io.tabula.journal.alarm");

  /** While records keep being dropped, the alarm repeats at most this often (with the count). */
  private static final long ALARM_INTERVAL_NANOS = 10_000_000_000L;

  private final JournalSink sink;
  private final JournalQueueSettings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition drained = lock.newCondition();
  private final ArrayDeque<JournalRecord> waiting = new ArrayDeque<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Counter written;
  private final Counter dropped;
  private final Counter writeFailures;
  private final Thread writer;
  private int inFlight;
  private boolean databaseDown;
  private long lastAlarm;

  private JournalQueue(JournalSink sink, JournalQueueSettings settings, MeterRegistry registry) {
    this.sink = sink;
    this.settings = settings;
    this.written = registry.counter("tabula.journal.records", "outcome", "written");
    this.dropped = registry.counter("tabula.journal.records", "outcome", "dropped");
    this.writeFailures = registry.counter("tabula.journal.write.failures");
    Gauge.builder("tabula.journal.queue.size", this, JournalQueue::size).register(registry);
    this.writer = Thread.ofPlatform().name("tabula-journal-writer").daemon().unstarted(this::run);
  }

  public static JournalQueue start(
      JournalSink sink, JournalQueueSettings settings, MeterRegistry registry) {
    JournalQueue queue = new JournalQueue(sink, settings, registry);
    queue.writer.start();
    return queue;
  }

  /** Adds a finished record; never blocks; a full queue drops it (counted, alarmed). */
  public boolean offer(JournalRecord record) {
    lock.lock();
    try {
      if (closing.getCount() == 0 || waiting.size() + inFlight >= settings.capacity()) {
        dropped.increment();
        long now = System.nanoTime();
        if (lastAlarm != 0 && now - lastAlarm < ALARM_INTERVAL_NANOS) {
          return false;
        }
        lastAlarm = now;
        ALARM.error(
            "Call journal queue full ({} records wait for the database): the record of a call of"
                + " {}/{} is lost; {} lost so far. Check the journal database (tabula.journal.write"
                + ".failures) or raise journal.queueCapacity",
            waiting.size() + inFlight,
            record.tenant(),
            record.flow(),
            (long) dropped.count());
        return false;
      }
      waiting.addLast(record);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Records waiting or being written. */
  public int size() {
    lock.lock();
    try {
      return waiting.size() + inFlight;
    } finally {
      lock.unlock();
    }
  }

  public long droppedCount() {
    return (long) dropped.count();
  }

  public long writtenCount() {
    return (long) written.count();
  }

  /** Waits until every record offered so far is written, or the timeout passes. */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (waiting.size() + inFlight > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = drained.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    Duration pause = settings.firstRetry();
    while (true) {
      List<JournalRecord> batch = nextBatch();
      if (batch.isEmpty()) {
        return;
      }
      try {
        sink.write(batch);
        done(batch);
        pause = settings.firstRetry();
      } catch (JournalStoreException | RuntimeException e) {
        putBack(batch, e);
        if (waitBeforeRetry(pause)) {
          return;
        }
        pause =
            pause.multipliedBy(2).compareTo(settings.maxRetry()) > 0
                ? settings.maxRetry()
                : pause.multipliedBy(2);
      }
    }
  }

  private List<JournalRecord> nextBatch() {
    lock.lock();
    try {
      while (waiting.isEmpty()) {
        if (closing.getCount() == 0) {
          return List.of();
        }
        notEmpty.awaitUninterruptibly();
      }
      List<JournalRecord> batch = new ArrayList<>();
      while (!waiting.isEmpty() && batch.size() < settings.batchSize()) {
        batch.add(waiting.pollFirst());
      }
      inFlight = batch.size();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void done(List<JournalRecord> batch) {
    written.increment(batch.size());
    lock.lock();
    try {
      inFlight = 0;
      if (databaseDown) {
        databaseDown = false;
        LOG.info("Call journal database reachable again; {} records wait", waiting.size());
      }
      if (waiting.isEmpty()) {
        drained.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private void putBack(List<JournalRecord> batch, Exception e) {
    writeFailures.increment();
    lock.lock();
    try {
      for (int i = batch.size() - 1; i >= 0; i--) {
        waiting.addFirst(batch.get(i));
      }
      inFlight = 0;
      if (closing.getCount() == 0) {
        dropped.increment(waiting.size());
        ALARM.error(
            "Call journal closed with {} records the database did not take; they are lost",
            waiting.size());
        waiting.clear();
        return;
      }
      if (!databaseDown) {
        databaseDown = true;
        LOG.warn(
            "Call journal: writing {} records failed ({}: {}); they wait in memory and are retried",
            batch.size(),
            e.getClass().getSimpleName(),
            e instanceof JournalStoreException ? e.getMessage() : "no detail");
      }
    } finally {
      lock.unlock();
    }
  }

  /** The pause before the next try; true when the queue is closing meanwhile. */
  private boolean waitBeforeRetry(Duration pause) {
    try {
      return closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Stops taking records, lets the writer finish what the database accepts within {@code deadline},
   * and reports (as an alarm) how many records were still waiting.
   */
  public void close(Duration deadline) {
    try {
      awaitDrained(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      closing.countDown();
      notEmpty.signalAll();
      // A batch in the writer's hands is either written or, failing, counted in putBack.
      int left = waiting.size();
      if (left > 0) {
        dropped.increment(left);
        ALARM.error(
            "Call journal closing with {} records the database did not take; they are lost", left);
        waiting.clear();
      }
    } finally {
      lock.unlock();
    }
    try {
      writer.join(deadline.toMillis() + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}

package io.tabula.flowstore;

import io.tabula.flows.store.PublishedFlows;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's watch on the PostgreSQL flow store: one thread holds a dedicated connection that
 * LISTENs on {@link PostgresFlowStore#CHANNEL} and refreshes {@link PublishedFlows} the moment a
 * publish commits; when no notification comes within the check interval it refreshes anyway, which
 * finds a version whose notification was lost. When the store goes away the thread reconnects every
 * {@code reconnectDelay}, refreshing after each connect (a version published during the outage is
 * found then); meanwhile the versions already live keep serving and {@link PublishedFlows#reach()}
 * says the store is unreachable.
 *
 * <pre>{@code
 * try (FlowStoreWatch watch = FlowStoreWatch.start(database, published, options)) {
 *   // serve calls
 * }
 * }</pre>
 */
public final class FlowStoreWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FlowStoreWatch.class);

  private final FlowStoreDatabase database;
  private final PublishedFlows published;
  private final WatchOptions options;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong notifications = new AtomicLong();
  private final Thread thread;
  private volatile Connection listening;

  private FlowStoreWatch(
      FlowStoreDatabase database, PublishedFlows published, WatchOptions options) {
    this.database = database;
    this.published = published;
    this.options = options;
    this.thread = Thread.ofPlatform().name("tabula-flow-store-watch").daemon().unstarted(this::run);
  }

  /** Starts watching; the first refresh runs on the watch thread at once. */
  public static FlowStoreWatch start(
      FlowStoreDatabase database, PublishedFlows published, WatchOptions options) {
    FlowStoreWatch watch = new FlowStoreWatch(database, published, options);
    watch.thread.start();
    return watch;
  }

  /** How many publish notifications arrived (tests and metrics). */
  public long notificationsReceived() {
    return notifications.get();
  }

  /** Whether the LISTEN connection is open now. */
  public boolean listening() {
    return listening != null;
  }

  private void run() {
    while (!isClosed()) {
      if (options.listen()) {
        listenUntilBroken();
      } else {
        refreshQuietly();
      }
      if (!isClosed()) {
        waitFor(options.listen() ? options.reconnectDelay().toMillis() : checkMillis());
      }
    }
  }

  /** Listens and refreshes until the connection breaks or the watch is closed. */
  private void listenUntilBroken() {
    try (Connection c = database.connect()) {
      try (Statement listen = c.createStatement()) {
        listen.execute("listen " + PostgresFlowStore.CHANNEL);
      }
      listening = c;
      LOG.info("Listening for flow publishes on {}", database.url());
      // Whatever was published while not listening (at start, or during an outage). A pooled
      // connection left from before an outage can fail this read although LISTEN just connected;
      // then reconnect and read again, as when a read in the loop fails, rather than wait for a
      // notification with the outage still in reach().
      if (!refreshQuietly()) {
        return;
      }
      PGConnection pg = c.unwrap(PGConnection.class);
      while (!isClosed()) {
        PGNotification[] arrived =
            pg.getNotifications((int) Math.min(Integer.MAX_VALUE, checkMillis()));
        if (arrived != null && arrived.length > 0) {
          notifications.addAndGet(arrived.length);
        }
        if (!isClosed() && !refreshQuietly()) {
          // The store answered nothing on another connection: do not trust this one either.
          return;
        }
      }
    } catch (SQLException e) {
      if (!isClosed()) {
        LOG.warn(
            "The flow store {} is not reachable for LISTEN (SQL state {}); the versions already"
                + " live keep serving, reconnecting every {}",
            database.url(),
            e.getSQLState(),
            options.reconnectDelay());
        // Records the outage in reach() (the refresh fails too) or finds the store is back.
        refreshQuietly();
      }
    } finally {
      listening = null;
    }
  }

  /** Refreshes; false when the store could not be read (reach() says so). */
  private boolean refreshQuietly() {
    try {
      published.refresh();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private long checkMillis() {
    return Math.max(1, options.checkInterval().toMillis());
  }

  private void waitFor(long millis) {
    try {
      closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.countDown();
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  /** Stops the watch and closes its connection; safe to call twice and from any thread. */
  @Override
  public void close() {
    closed.countDown();
    Connection c = listening;
    if (c != null) {
      try {
        // Ends a getNotifications() in progress at once instead of at the next check; abort() is
        // the JDBC call meant for another thread (close() would queue behind the waiting read).
        c.abort(Runnable::run);
      } catch (SQLException e) {
        // Closing a connection the server may already have dropped: nothing left to release.
      }
    }
    try {
      thread.join(options.checkInterval().toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.tabula.journal;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.run.CallJournals;
import io.tabula.journal.capture.JournalCapture;
import io.tabula.journal.capture.JournalQueue;
import io.tabula.journal.store.EmbeddedJournalDatabase;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalDatabase;
import io.tabula.journal.store.JournalStoreException;
import io.tabula.journal.store.PostgresJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as an engine runs it: the database (or the demo's embedded one), the queue and its
 * writer, the capture the call handlers use, and the daily retention purge. A database that is down
 * at start does not stop the engine: records wait in the queue and the tables are created on the
 * first connection.
 *
 * <pre>{@code
 * try (JournalRuntime journal = JournalRuntime.start(JournalConfig.read(file), registry)) {
 *   CallJournals journals = journal.capture();
 * }
 * }</pre>
 */
public final class JournalRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalRuntime.class);

  private final JournalConfig config;
  private final Optional<EmbeddedPostgres> embedded;
  private final JournalDatabase database;
  private final PostgresJournal sink;
  private final JournalQueue queue;
  private final JournalCapture capture;
  private final ScheduledExecutorService purger;

  private JournalRuntime(
      JournalConfig config,
      Optional<EmbeddedPostgres> embedded,
      JournalDatabase database,
      MeterRegistry registry) {
    this.config = config;
    this.embedded = embedded;
    this.database = database;
    this.sink = new PostgresJournal(database);
    this.queue = JournalQueue.start(sink, config.queue(), registry);
    this.capture = new JournalCapture(config.tenants(), queue, Clock.systemUTC(), registry);
    this.purger =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tabula-journal-retention").daemon().factory());
    purger.scheduleWithFixedDelay(this::purgeExpired, 1, 24 * 60, TimeUnit.MINUTES);
  }

  public static JournalRuntime start(JournalConfig config, MeterRegistry registry) {
    Opened opened = open(config);
    return new JournalRuntime(config, opened.embedded(), opened.database(), registry);
  }

  /** The database of a configuration, starting the embedded one when it names one. */
  public static Opened open(JournalConfig config) {
    if (config.database().isPresent()) {
      return new Opened(config.database().get(), Optional.empty());
    }
    EmbeddedPostgres postgres =
        EmbeddedPostgres.start(
            EmbeddedPostgresOptions.defaults().keepingDataIn(config.embedded().orElseThrow()));
    try {
      return new Opened(EmbeddedJournalDatabase.install(postgres), Optional.of(postgres));
    } catch (JournalStoreException | RuntimeException e) {
      postgres.close();
      throw new JournalConfigException(
          "the embedded journal database did not start: " + e.getMessage());
    }
  }

  /** An opened journal database and, for the demo's, the server to stop afterwards. */
  public record Opened(JournalDatabase database, Optional<EmbeddedPostgres> embedded)
      implements AutoCloseable {
    @Override
    public void close() {
      embedded.ifPresent(EmbeddedPostgres::close);
    }
  }

  public CallJournals capture() {
    return capture;
  }

  public JournalQueue queue() {
    return queue;
  }

  public JournalArchive archive() {
    return new JournalArchive(database);
  }

  /**
   * Deletes each tenant's records older than its retention (daily, and once a minute after start).
   */
  void purgeExpired() {
    java.time.Instant now = Clock.systemUTC().instant();
    config
        .tenants()
        .values()
        .forEach(
            tenant -> {
              try {
                int deleted =
                    archive()
                        .purge(
                            tenant.tenant(),
                            now.atZone(ZoneOffset.UTC).minus(tenant.retention()).toInstant());
                if (deleted > 0) {
                  LOG.info(
                      "Call journal: {} records of {} older than {} deleted",
                      deleted,
                      tenant.tenant(),
                      tenant.retention());
                }
              } catch (JournalStoreException e) {
                LOG.warn(
                    "Call journal retention purge of {} failed: {}",
                    tenant.tenant(),
                    e.getMessage());
              }
            });
  }

  /** Waits for the queue to empty (up to {@code deadline}), then stops everything. */
  public void close(Duration deadline) {
    purger.shutdownNow();
    queue.close(deadline);
    sink.close();
    embedded.ifPresent(EmbeddedPostgres::close);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}

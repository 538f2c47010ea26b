package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.capture.JournalCapture;
import io.tabula.journal.capture.JournalQueue;
import io.tabula.journal.capture.JournalQueueSettings;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.store.EmbeddedJournalDatabase;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalDatabase;
import io.tabula.journal.store.PostgresJournal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal database goes down while the engine takes 1,000 parking calls over FastAGI from the
 * virtual PBX. Every call still ends as the caller wanted; every record that fits the queue is
 * written once the database is back; every one that does not is counted as dropped, exactly.
 */
class JournalOutageTest {

  private static final int CALLS = 1_000;
  private static final int BEFORE_OUTAGE = 200;
  private static final int CONCURRENT = 50;

  private static EmbeddedPostgres postgres;
  private static JournalDatabase database;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    database = EmbeddedJournalDatabase.install(postgres);
  }

  @AfterAll
  static void stopDatabase() {
    postgres.close();
  }

  @BeforeEach
  void emptyJournal() throws Exception {
    postgres.restart();
    try (Connection c = database.connect();
        Statement statement = c.createStatement()) {
      statement.execute("delete from journal_records");
    }
  }

  @Test
  void anOutageLosesNothingThatFitsTheQueue() throws Exception {
    Outcome outcome = run(CALLS);
    assertThat(outcome.dropped()).isZero();
    assertThat(outcome.rows()).isEqualTo(CALLS);
  }

  @Test
  void whatDoesNotFitTheQueueIsCountedExactly() throws Exception {
    int capacity = 300;
    Outcome outcome = run(capacity);
    int duringOutage = CALLS - BEFORE_OUTAGE;
    assertThat(outcome.dropped()).isEqualTo(duringOutage - capacity);
    assertThat(outcome.rows()).isEqualTo(BEFORE_OUTAGE + capacity);
  }

  private record Outcome(long dropped, long rows) {}

  private Outcome run(int capacity) throws Exception {
    Connectors connectors = DemoConnectors.create(Clock.systemUTC());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TenantJournal city =
        new TenantJournal(
            "city",
            List.of(JournalPrivateKey.generate().publicKey()),
            SearchKey.generate(),
            TenantJournal.DEFAULT_RETENTION);
    JournalQueueSettings settings =
        new JournalQueueSettings(capacity, 100, Duration.ofMillis(50), Duration.ofMillis(200));
    try (PostgresJournal sink = new PostgresJournal(database);
        JournalQueue queue = JournalQueue.start(sink, settings, registry);
        EngineFlows flows =
            EngineFlows.open(new FlowsSettings("", Duration.ofSeconds(5)), connectors);
        Engine engine =
            TestEngines.start(
                64,
                flows.handlers(
                    connectors,
                    RunnerConfig.defaults(),
                    new JournalCapture(Map.of("city", city), queue, Clock.systemUTC(), registry)));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      calls(pbx, engine, BEFORE_OUTAGE);
      // A call's record is queued when the engine's handler ends, a moment after the caller saw
      // the hang-up: wait for all of them to be written, not for the queue to look empty.
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> queue.writtenCount() == BEFORE_OUTAGE);

      postgres.stop();
      calls(pbx, engine, CALLS - BEFORE_OUTAGE);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> queue.size() + queue.droppedCount() == CALLS - BEFORE_OUTAGE);
      assertThat(queue.writtenCount()).isEqualTo(BEFORE_OUTAGE);

      postgres.restart();
      assertThat(queue.awaitDrained(Duration.ofSeconds(60))).isTrue();
      JournalArchive archive = new JournalArchive(database);
      long rows = archive.count("city");
      // Each written record holds the sealed ticket and is found by its blind index.
      assertThat(
              archive.find(
                  "city",
                  "ticket",
                  io.tabula.journal.crypto.BlindIndex.of(
                      city.searchKey(), "city", "ticket", "12345678")))
          .hasSize((int) rows)
          .allSatisfy(record -> assertThat(record.sealed()).hasSize(1));
      return new Outcome(queue.droppedCount(), rows);
    }
  }

  /** {@code count} calls, {@value #CONCURRENT} at a time: ticket, balance, then a hang-up. */
  private static void calls(VirtualPbx pbx, Engine engine, int count) throws Exception {
    for (int done = 0; done < count; done += CONCURRENT) {
      List<CompletableFuture<CallReport>> running = new ArrayList<>();
      for (int i = done; i < Math.min(count, done + CONCURRENT); i++) {
        running.add(pbx.call(engine.address(), "city/parking-ticket", ticketThenHangUp()));
      }
      for (CompletableFuture<CallReport> call : running) {
        assertThat(call.get(60, TimeUnit.SECONDS).outcome())
            .isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
      }
    }
  }

  /** Keys the ticket at the flow's ticket question (not during the welcome), then hangs up. */
  static io.tabula.engine.pbx.Caller ticketThenHangUp() {
    String file = "city/parking-ticket.yaml";
    io.tabula.flows.model.Flow flow =
        io.tabula.flows.parse.FlowParser.parse(
                file, io.tabula.flows.store.ShippedFlowFiles.read(file).orElseThrow())
            .flow()
            .orElseThrow();
    return io.tabula.engine.demo.FlowAwareCaller.of(
        flow, io.tabula.flows.simulate.KeyScript.parse("12345678# H"));
  }
}

package io.tabula.journal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.journal.JournalCalls;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.capture.JournalCapture;
import io.tabula.journal.capture.JournalQueue;
import io.tabula.journal.capture.JournalQueueSettings;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journal in a real PostgreSQL over verified TLS: written, searched, erased, purged. */
class PostgresJournalTest {

  private static EmbeddedPostgres postgres;
  private static JournalDatabase database;

  private final JournalPrivateKey key = JournalPrivateKey.generate();
  private final SearchKey search = SearchKey.generate();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    database = EmbeddedJournalDatabase.install(postgres);
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = database.connect();
        Statement statement = c.createStatement()) {
      statement.execute("delete from journal_records; delete from journal_access");
    }
  }

  private void journal(String... ticketCalls) throws Exception {
    TenantJournal city =
        new TenantJournal(
            "city", List.of(key.publicKey()), search, TenantJournal.DEFAULT_RETENTION);
    Flow flow = JournalCalls.flow("city/parking-ticket.yaml");
    try (PostgresJournal sink = new PostgresJournal(database);
        JournalQueue queue =
            JournalQueue.start(sink, JournalQueueSettings.defaults(), new SimpleMeterRegistry());
        CallMemoryPool pool = FlowSimulator.smallPool()) {
      JournalCapture capture =
          new JournalCapture(
              Map.of("city", city), queue, JournalCalls.CLOCK, new SimpleMeterRegistry());
      for (String keys : ticketCalls) {
        JournalCalls.call(pool, flow, keys, capture);
      }
      assertThat(queue.awaitDrained(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aRecordIsFoundByItsExactTicketNumberAndOpensWithThePrivateKey() throws Exception {
    journal(JournalCalls.PAID_PARKING_CALL, "55555555# H");
    JournalArchive archive = new JournalArchive(database);

    List<JournalRecord> found =
        archive.find("city", "ticket", BlindIndex.of(search, "city", "ticket", "12345678"));
    assertThat(found).singleElement();
    JournalRecord record = found.getFirst();
    assertThat(record.payments().getFirst().lastFour()).isEqualTo("4242");
    assertThat(record.ending()).isEqualTo("hangup");
    SealedField ticket = record.sealed().getFirst();
    byte[] clear =
        JournalCipher.open(
            key, ticket.sealed(), SealedField.associatedData("city", record.id(), "ticket"));
    assertThat(new String(clear, StandardCharsets.US_ASCII)).isEqualTo("12345678");
  }

  @Test
  void theBlindIndexMatchesExactlyAndNothingElse() throws Exception {
    journal(JournalCalls.PAID_PARKING_CALL, "55555555# H");
    JournalArchive archive = new JournalArchive(database);
    for (String other : List.of("1234567", "123456789", "12345679", "5555555", "%", "")) {
      assertThat(archive.find("city", "ticket", BlindIndex.of(search, "city", "ticket", other)))
          .as(other)
          .isEmpty();
    }
    assertThat(
            archive.find(
                "utility", "ticket", BlindIndex.of(search, "utility", "ticket", "12345678")))
        .isEmpty();
    assertThat(archive.find("city", "ticket", BlindIndex.of(search, "city", "ticket", "55555555")))
        .singleElement()
        .satisfies(r -> assertThat(r.ending()).isEqualTo("caller hung up"));
  }

  @Test
  void aDatabaseAdministratorReadingTheTablesFindsNoTicketNumberAndNoCardData() throws Exception {
    journal(JournalCalls.PAID_PARKING_CALL, JournalCalls.PAID_PARKING_CALL);
    StringBuilder everything = new StringBuilder();
    try (Connection c = postgres.connectAsSuperuser(EmbeddedJournalDatabase.DATABASE);
        Statement statement = c.createStatement()) {
      for (String table : List.of("journal_records", "journal_sealed", "journal_index")) {
        try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
          while (rows.next()) {
            everything.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    assertThat(everything).contains("parking-ticket").contains("4242").contains("approved");
    String dump = everything.toString();
    assertThat(dump)
        .doesNotContain("12345678")
        .doesNotContain("3132333435363738") // the ticket's ASCII bytes as bytea hex
        .doesNotContain("4242424242424242");
  }

  @Test
  void erasureRemovesExactlyThatCallersRecordsAndIsLogged() throws Exception {
    journal(JournalCalls.PAID_PARKING_CALL, JournalCalls.PAID_PARKING_CALL, "55555555# H");
    JournalArchive archive = new JournalArchive(database);
    byte[] index = BlindIndex.of(search, "city", "ticket", "12345678");

    assertThat(archive.erase("city", "ticket", index, "test-admin", "GDPR request 17"))
        .isEqualTo(2);
    assertThat(archive.find("city", "ticket", index)).isEmpty();
    assertThat(archive.count("city")).isEqualTo(1);
    try (Connection c = database.connect();
        Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery("select actor, action, reason, records from journal_access")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("test-admin");
      assertThat(rows.getString(2)).isEqualTo("erase ticket");
      assertThat(rows.getString(3)).isEqualTo("GDPR request 17");
      assertThat(rows.getString(4).split(",")).hasSize(2);
    }
    try (Connection c = database.connect();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from journal_sealed")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void retentionDeletesOnlyRecordsOlderThanTheCutoff() throws Exception {
    journal(JournalCalls.PAID_PARKING_CALL);
    JournalArchive archive = new JournalArchive(database);
    // The test clock says 2026-11-23T09:00Z for every record.
    assertThat(archive.purge("city", Instant.parse("2026-11-23T08:00:00Z"))).isZero();
    assertThat(archive.purge("utility", Instant.parse("2027-01-01T00:00:00Z"))).isZero();
    assertThat(archive.purge("city", Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(1);
    assertThat(archive.count("city")).isZero();
  }
}

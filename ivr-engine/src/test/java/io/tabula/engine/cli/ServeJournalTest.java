package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.crypto.JournalCipher;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.record.SealedField;
import io.tabula.journal.store.EmbeddedJournalDatabase;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabula serve} with {@code journal.config}: a call is journaled into a PostgreSQL reached
 * over verified TLS, found through the blind index and opened only with the tenant's private key; a
 * journal file that cannot be used stops serve from starting.
 */
class ServeJournalTest {

  @TempDir Path dir;

  private Path engineConfig(String journalFile) throws Exception {
    Path file = dir.resolve("tabula.yaml");
    Files.write(
        file,
        List.of(
            "agi.port: 0",
            "admin.port: 0",
            "prompts.check: \"off\"",
            "memory.slots: 16",
            "recording: none",
            "journal.config: " + journalFile));
    return file;
  }

  @Test
  void aServedCallIsJournaledSealedToTheTenantsKey() throws Exception {
    JournalPrivateKey key = JournalPrivateKey.generate();
    SearchKey search = SearchKey.generate();
    search.write(dir.resolve("city.search-key"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      JournalDatabase database = EmbeddedJournalDatabase.install(postgres);
      Files.writeString(dir.resolve("db-password"), database.password());
      Files.write(
          dir.resolve("journal.yaml"),
          List.of(
              "database:",
              "  host: " + database.host(),
              "  port: " + database.port(),
              "  name: " + database.database(),
              "  user: " + database.user(),
              "  passwordFile: db-password",
              "  caCertificate: " + database.caCertificate(),
              "tenants:",
              "  city:",
              "    publicKeys: [\"" + key.publicKey().text() + "\"]",
              "    searchKeyFile: city.search-key"));
      try (ServeProcess serve =
              ServeProcess.start(
                  List.of(), engineConfig(dir.resolve("journal.yaml").toString()), "--demo");
          VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
        CallReport report =
            pbx.call(serve.agiAddress(), "city/parking-ticket", ticketThenHangUp())
                .get(30, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
        assertThat(serve.output()).contains("Call journal on for tenants city");

        JournalArchive archive = new JournalArchive(database);
        byte[] index = BlindIndex.of(search, "city", "ticket", "12345678");
        List<JournalRecord> found;
        try {
          found =
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(
                      () -> archive.find("city", "ticket", index), records -> records.size() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(
              "no journal record ("
                  + archive.count("city")
                  + " in the table); serve said:\n"
                  + serve.output(),
              e);
        }
        JournalRecord record = found.getFirst();
        assertThat(record.ending()).isEqualTo("caller hung up");
        SealedField ticket = record.sealed().getFirst();
        assertThat(
                JournalCipher.open(
                    key,
                    ticket.sealed(),
                    SealedField.associatedData("city", record.id(), "ticket")))
            .asString()
            .isEqualTo("12345678");
      }
    }
  }

  @Test
  void aJournalFileThatCannotBeUsedStopsServeFromStarting() throws Exception {
    Files.write(dir.resolve("journal.yaml"), List.of("embedded: pg", "tenant: {}"));
    try (ServeProcess serve =
        ServeProcess.start(
            List.of(), engineConfig(dir.resolve("journal.yaml").toString()), "--demo")) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("tabula serve: the call journal: unknown key 'tenant'")
          .contains("use one of");
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

package io.tabula.engine.residue;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import io.tabula.journal.store.EmbeddedJournalDatabase;
import io.tabula.journal.store.JournalArchive;
import io.tabula.journal.store.JournalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The call journal of the residue run, in the customer's PostgreSQL cluster, so that the scan of
 * its data folder and WAL covers the journal's tables too.
 */
final class ResidueJournal {

  private final JournalDatabase database;
  private final Path config;

  private ResidueJournal(JournalDatabase database, Path config) {
    this.database = database;
    this.config = config;
  }

  /** Creates the journal database and writes journal.yaml (tenant city) into {@code dir}. */
  static ResidueJournal create(EmbeddedPostgres postgres, Path dir) throws Exception {
    JournalDatabase database = EmbeddedJournalDatabase.install(postgres);
    Files.writeString(dir.resolve("journal-db-password"), database.password());
    SearchKey.generate().write(dir.resolve("city.search-key"));
    Path config = dir.resolve("journal.yaml");
    Files.write(
        config,
        List.of(
            "database:",
            "  host: " + database.host(),
            "  port: " + database.port(),
            "  name: " + database.database(),
            "  user: " + database.user(),
            "  passwordFile: journal-db-password",
            "  caCertificate: " + database.caCertificate(),
            "tenants:",
            "  city:",
            "    publicKeys: [\"" + JournalPrivateKey.generate().publicKey().text() + "\"]",
            "    searchKeyFile: city.search-key"));
    return new ResidueJournal(database, config);
  }

  /** The engine setting that turns the journal on. */
  String engineYaml() {
    return "journal:\n  config: " + config + "\n";
  }

  long records() throws Exception {
    return new JournalArchive(database).count("city");
  }
}

package io.tabula.journal;

import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.PrivateKeyFile;
import io.tabula.journal.crypto.SearchKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The demo's call journal, set up once in {@link DemoJournalHome}: a key pair and a search key for
 * each demo tenant, and {@code journal.yaml} naming the embedded PostgreSQL whose data stays in the
 * same folder. Later demos reuse all of it, so every demo call can be found again with {@code
 * tabula journal search}. The private keys' password is {@value #PASSWORD}, written beside them in
 * {@code keys/demo-password} for {@code tabula journal show --password-file}: a demo shortcut,
 * never how a tenant's key is kept.
 */
public final class DemoJournal {

  public static final String PASSWORD = "tabula-demo";

  static final List<String> TENANTS = List.of("city", "utility");

  private DemoJournal() {}

  /** The demo journal's configuration file, created with its keys on first use. */
  public static Path ensure() {
    Path home = DemoJournalHome.folder();
    Path config = home.resolve("journal.yaml");
    if (Files.exists(config)) {
      return config;
    }
    try {
      Path keys = Files.createDirectories(home.resolve("keys"));
      Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
      // Traversable, not listable: as root the embedded server runs as nobody and must reach
      // postgres/ below it (which it then owns, 0700).
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
      Path passwordFile = keys.resolve("demo-password");
      Files.deleteIfExists(passwordFile);
      Files.writeString(passwordFile, PASSWORD + "\n");
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
      StringBuilder yaml = new StringBuilder();
      yaml.append("# The demo's call journal (tabula demo wrote this; docs/journal.md).\n");
      yaml.append("embedded: postgres\n");
      yaml.append("tenants:\n");
      for (String tenant : TENANTS) {
        JournalPrivateKey key = JournalPrivateKey.generate();
        Path privateFile = keys.resolve(tenant + ".journal-key.pem");
        Path searchFile = keys.resolve(tenant + ".search-key");
        Files.deleteIfExists(privateFile);
        Files.deleteIfExists(searchFile);
        PrivateKeyFile.write(privateFile, key, PASSWORD.toCharArray());
        SearchKey.generate().write(searchFile);
        yaml.append("  ").append(tenant).append(":\n");
        yaml.append("    publicKeys:\n");
        yaml.append("      - ").append(key.publicKey().text()).append('\n');
        yaml.append("    searchKeyFile: keys/").append(tenant).append(".search-key\n");
        yaml.append("    retentionMonths: 13\n");
      }
      Path partial = home.resolve("journal.yaml.partial");
      Files.writeString(partial, yaml);
      Files.move(partial, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not set up the demo's call journal in " + home + "; set TABULA_DEMO_HOME", e);
    }
  }
}

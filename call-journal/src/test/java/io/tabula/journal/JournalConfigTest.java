package io.tabula.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.journal.crypto.JournalPrivateKey;
import io.tabula.journal.crypto.SearchKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConfigTest {

  @TempDir Path dir;

  private Path write(String... lines) throws Exception {
    Path file = dir.resolve("journal.yaml");
    Files.write(file, List.of(lines));
    return file;
  }

  @Test
  void readsTheDatabaseAndEachTenantsKeysNewestLast() throws Exception {
    SearchKey.generate().write(dir.resolve("city.search-key"));
    Files.writeString(dir.resolve("pw"), "secret\n");
    String old = JournalPrivateKey.generate().publicKey().text();
    String newest = JournalPrivateKey.generate().publicKey().text();
    JournalConfig config =
        JournalConfig.read(
            write(
                "database: {host: db.example, name: j, user: u, passwordFile: pw,"
                    + " caCertificate: ca.pem}",
                "queueCapacity: 500",
                "tenants:",
                "  city:",
                "    publicKeys: [\"" + old + "\", \"" + newest + "\"]",
                "    searchKeyFile: city.search-key",
                "    retentionMonths: 24"));
    assertThat(config.database().orElseThrow().port()).isEqualTo(5432);
    assertThat(config.database().orElseThrow().password()).isEqualTo("secret");
    assertThat(config.database().orElseThrow().caCertificate()).isEqualTo(dir.resolve("ca.pem"));
    assertThat(config.database().orElseThrow().toString()).doesNotContain("secret");
    assertThat(config.queue().capacity()).isEqualTo(500);
    TenantJournal city = config.tenants().get("city");
    assertThat(city.newestKey().text()).isEqualTo(newest);
    assertThat(city.retention()).isEqualTo(Period.ofMonths(24));
  }

  @Test
  void retentionDefaultsToThirteenMonths() throws Exception {
    SearchKey.generate().write(dir.resolve("s"));
    JournalConfig config =
        JournalConfig.read(
            write(
                "embedded: pg",
                "tenants:",
                "  city: {publicKeys: [\""
                    + JournalPrivateKey.generate().publicKey().text()
                    + "\"], searchKeyFile: s}"));
    assertThat(config.tenants().get("city").retention()).isEqualTo(Period.ofMonths(13));
  }

  @Test
  void mistakesAreErrorsThatSayWhatToDo() throws Exception {
    assertThatThrownBy(() -> JournalConfig.read(write("embedded: pg", "tenant: {}")))
        .hasMessageContaining("unknown key 'tenant'");
    assertThatThrownBy(() -> JournalConfig.read(write("tenants: {}")))
        .hasMessageContaining("exactly one of 'database'");
    assertThatThrownBy(
            () ->
                JournalConfig.read(write("embedded: pg", "tenants:", "  city: {searchKeyFile: s}")))
        .hasMessageContaining("tenants.city.publicKeys is missing");
    String key = JournalPrivateKey.generate().publicKey().text();
    String forged = JournalPrivateKey.generate().publicKey().id() + key.substring(key.indexOf(':'));
    assertThatThrownBy(
            () ->
                JournalConfig.read(
                    write(
                        "embedded: pg",
                        "tenants:",
                        "  city: {publicKeys: [\"" + forged + "\"], searchKeyFile: s}")))
        .hasMessageContaining("does not belong to this key");
  }

  @Test
  void anAccessSectionNamesTheAccessDatabaseWithItsDefaults() throws Exception {
    JournalConfig config =
        JournalConfig.read(
            write(
                "embedded: postgres",
                "access: {host: access-db.example, passwordFile: access-pw, caCertificate: ca.pem,"
                    + " totpKey: totp.key}",
                "tenants: {}"));
    assertThat(config.access())
        .contains(
            new io.tabula.journal.access.AccessDatabaseRef(
                "access-db.example",
                5432,
                "tabula_access",
                "tabula_access",
                dir.toAbsolutePath().resolve("access-pw"),
                dir.toAbsolutePath().resolve("ca.pem"),
                dir.toAbsolutePath().resolve("totp.key")));
    assertThat(JournalConfig.read(write("embedded: postgres", "tenants: {}")).access()).isEmpty();
    assertThatThrownBy(
            () ->
                JournalConfig.read(
                    write(
                        "embedded: postgres",
                        "access: {host: h, passwordFile: p, caCertificate: c, sslmode: disable}",
                        "tenants: {}")))
        .isInstanceOf(JournalConfigException.class)
        .hasMessageContaining("sslmode");
  }
}

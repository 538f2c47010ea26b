package io.tabula.ops.access.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.audit.AuditCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "PCI DSS 10.3.2: tabula audit trail verify names the first broken record; export writes JSON lines")
class TrailCommandTest {

  @Test
  void verifyThenTamperThenVerifyAgainThenExport() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      f.createEnrolled("ana", "tram7-violet-harbour");
      f.access.trail().checkpoint();
      String key = f.publicKey.toString();

      CliRun intact =
          CliRun.run(new AuditCommand(), f.dbSettings, "trail", "verify", "--public-key", key);
      assertThat(intact.exit()).as(intact.err()).isZero();
      assertThat(intact.out()).startsWith("Audit trail intact: ");

      Path out = f.keyDir.resolve("trail.jsonl");
      CliRun export =
          CliRun.run(new AuditCommand(), f.dbSettings, "trail", "export", "--out", out.toString());
      assertThat(export.exit()).as(export.err()).isZero();
      long records = Files.readAllLines(out).size();
      assertThat(records).isGreaterThan(3);
      assertThat(Files.readAllLines(out)).allSatisfy(l -> assertThat(l).startsWith("{\"seq\":"));

      try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
          Statement s = c.createStatement()) {
        s.execute("set session_replication_role = replica");
        s.execute("update audit_trail set detail = detail || ' (edited)' where seq = 2");
      }
      CliRun broken =
          CliRun.run(new AuditCommand(), f.dbSettings, "trail", "verify", "--public-key", key);
      assertThat(broken.exit()).isEqualTo(1);
      assertThat(broken.err()).startsWith("Audit trail BROKEN at record 2: this record's contents");
    }
  }

  @Test
  void keygenWritesAPrivateKeyOnlyItsOwnerCanRead() throws Exception {
    Path dir = Files.createTempDirectory("trail-keygen-");
    var line = new picocli.CommandLine(new AuditCommand());
    int exit =
        line.execute(
            "trail",
            "keygen",
            "--private-key",
            dir.resolve("k").toString(),
            "--public-key",
            dir.resolve("k.pub").toString());
    assertThat(exit).isZero();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("k"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("k.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
  }
}

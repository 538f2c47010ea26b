package io.tabula.ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.audit.AuditTrailException;
import io.tabula.ops.access.audit.TrailExport;
import io.tabula.ops.access.audit.TrailKeys;
import io.tabula.ops.access.audit.TrailVerifier;
import io.tabula.ops.access.audit.TrailVerifier.Break;
import io.tabula.ops.access.audit.TrailVerifier.Problem;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PCI DSS 10.2, 10.3.2: a hash-chained, signed audit trail; tampering is detected")
class Pci_10_2_AuditTrailTest {

  /** Ten records; the head is signed after the 5th and after the 10th. */
  private static void tenRecords(AccessFixture f) {
    for (int i = 1; i <= 10; i++) {
      f.clock.advance(Duration.ofSeconds(1));
      f.access
          .trail()
          .record(
              new AuditEvent(
                  "ana",
                  AuditAction.PUBLISH,
                  "city",
                  "parking-ticket@v" + i,
                  "198.51.100.7",
                  Outcome.SUCCESS,
                  ""));
      if (i == 5 || i == 10) {
        f.access.trail().checkpoint();
      }
    }
  }

  private static TrailVerifier.Result verify(AccessFixture f) throws Exception {
    return new TrailVerifier(f.access.trailReader(), TrailKeys.publicKey(f.publicKey)).verify();
  }

  private static void tamper(AccessFixture f, String... sql) throws Exception {
    try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
        Statement s = c.createStatement()) {
      // The superuser switches the append-only triggers off, as an attacker with it could.
      s.execute("set session_replication_role = replica");
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  @Test
  void anUntouchedTrailVerifies() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      TrailVerifier.Result result = verify(f);
      assertThat(result.intact()).isTrue();
      assertThat(result.records()).isEqualTo(10);
      assertThat(result.checkpoints()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void theApplicationRoleCannotUpdateOrDeleteRecords() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      try (Connection c = f.db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("update audit_trail set detail = 'x' where seq = 3"))
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> s.execute("delete from audit_trail where seq = 3"))
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> s.execute("truncate audit_trail"))
            .hasMessageContaining("append-only");
      }
    }
  }

  @Test
  void aRowEditedInPlaceIsNamed() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(f, "update audit_trail set actor = 'bob' where seq = 3");
      assertThat(verify(f).firstBreak()).contains(new Break(3, Problem.CONTENTS_CHANGED));
    }
  }

  @Test
  void aDeletedRowIsNamedByTheRecordAfterIt() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(f, "delete from audit_trail where seq = 3");
      assertThat(verify(f).firstBreak()).contains(new Break(4, Problem.MISSING_RECORD));
    }
  }

  @Test
  void aDeletedRowWithTheSequenceRenumberedIsStillNamed() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(
          f,
          "delete from audit_trail where seq = 3",
          "update audit_trail set seq = seq + 100 where seq > 3",
          "update audit_trail set seq = seq - 101 where seq > 100");
      assertThat(verify(f).firstBreak()).contains(new Break(3, Problem.CONTENTS_CHANGED));
    }
  }

  @Test
  void aRowInsertedInTheMiddleIsNamed() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      AuditRecord second = f.access.trailReader().all().get(1);
      AuditEvent forged =
          new AuditEvent(
              "eve", AuditAction.ROLE_GRANT, "city", "eve", "x", Outcome.SUCCESS, "admin");
      byte[] hash = AuditRecord.hashOf(3, second.at(), forged, second.hash());
      tamper(
          f,
          "update audit_trail set seq = seq + 100 where seq >= 3",
          "update audit_trail set seq = seq - 99 where seq > 100");
      insert(f, 3, second.at(), forged, second.hash(), hash);
      // The forged record itself is consistent; the one after it no longer links or hashes.
      assertThat(verify(f).firstBreak()).contains(new Break(4, Problem.CONTENTS_CHANGED));
    }
  }

  @Test
  void aWholeChainRewrittenWithRecomputedHashesIsCaughtByTheSignedHead() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(f, "delete from audit_trail");
      byte[] previous = AuditRecord.GENESIS;
      // Re-append nine clean-looking records (one deleted), each hash correct.
      for (long seq = 1; seq <= 9; seq++) {
        AuditEvent e =
            new AuditEvent(
                "ana",
                AuditAction.PUBLISH,
                "city",
                "parking-ticket@v" + seq,
                "198.51.100.7",
                Outcome.SUCCESS,
                "");
        java.time.Instant at = AuditRecord.storable(f.clock.instant());
        byte[] hash = AuditRecord.hashOf(seq, at, e, previous);
        insert(f, seq, at, e, previous, hash);
        previous = hash;
      }
      Optional<Break> broken = verify(f).firstBreak();
      assertThat(broken).isPresent();
      assertThat(broken.get().problem())
          .isIn(Problem.SIGNED_HEAD_MISMATCH, Problem.SIGNED_HEAD_MISSING_RECORD);
      assertThat(broken.get().seq()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void twoRowsSwappedAreNamed() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(
          f,
          "update audit_trail set seq = 1000 where seq = 6",
          "update audit_trail set seq = 6 where seq = 7",
          "update audit_trail set seq = 7 where seq = 1000");
      assertThat(verify(f).firstBreak()).contains(new Break(6, Problem.CONTENTS_CHANGED));
    }
  }

  @Test
  void aTruncatedTailBehindASignedHeadIsNamed() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      tamper(f, "delete from audit_trail where seq >= 9");
      assertThat(verify(f).firstBreak())
          .contains(new Break(10, Problem.SIGNED_HEAD_MISSING_RECORD));
    }
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefused() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      Path other = f.keyDir.resolve("other.pub");
      TrailKeys.generate(f.keyDir.resolve("other.key"), other);
      var result = new TrailVerifier(f.access.trailReader(), TrailKeys.publicKey(other)).verify();
      assertThat(result.firstBreak().map(Break::problem)).contains(Problem.BAD_SIGNATURE);
    }
  }

  @Test
  void theHeadIsSignedPeriodicallyAsRecordsArrive() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      AuditEvent e = AuditEvent.of("ana", AuditAction.SIGN_IN, "ana", "x", Outcome.SUCCESS);
      f.access.trail().record(e); // first record: signed at once
      f.clock.advance(Duration.ofMinutes(1));
      f.access.trail().record(e); // within 5 minutes: not yet
      f.clock.advance(Duration.ofMinutes(5));
      f.access.trail().record(e); // signed again
      assertThat(f.access.trailReader().checkpoints())
          .extracting(c -> c.seq())
          .containsExactly(1L, 3L);
    }
  }

  @Test
  void exportWritesOneJsonObjectPerRecordWithItsHashes() throws Exception {
    try (AccessFixture f = AccessFixture.open()) {
      tenRecords(f);
      f.access
          .trail()
          .record(
              new AuditEvent("ana", AuditAction.EXPORT, "utility", "-", "x", Outcome.SUCCESS, ""));
      StringWriter out = new StringWriter();
      assertThat(TrailExport.write(f.access.trailReader(), null, out)).isEqualTo(11);
      String[] lines = out.toString().split("\n");
      assertThat(lines).hasSize(11);
      assertThat(lines[0])
          .startsWith("{\"seq\":1,\"at\":\"2026-12-05T10:00:01Z\",\"actor\":\"ana\"")
          .contains("\"action\":\"publish\"", "\"outcome\":\"success\"", "\"prev_hash\":\"0000");
      StringWriter utility = new StringWriter();
      assertThat(TrailExport.write(f.access.trailReader(), "utility", utility)).isEqualTo(1);
    }
  }

  private static void insert(
      AccessFixture f, long seq, java.time.Instant at, AuditEvent e, byte[] prev, byte[] hash)
      throws Exception {
    try (Connection c = AccessTestDatabase.superuser(f.dbSettings.database());
        PreparedStatement s =
            c.prepareStatement("insert into audit_trail values (?,?,?,?,?,?,?,?,?,?,?)")) {
      s.setLong(1, seq);
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, e.actor());
      s.setString(4, e.action().code());
      s.setString(5, e.tenant());
      s.setString(6, e.target());
      s.setString(7, e.source());
      s.setString(8, e.outcome().name());
      s.setString(9, e.detail());
      s.setBytes(10, prev);
      s.setBytes(11, hash);
      s.executeUpdate();
    }
  }

  @Test
  void aTrailThatCannotBeWrittenStopsTheAction() throws Exception {
    AccessFixture f = AccessFixture.open();
    f.close();
    assertThatThrownBy(
            () ->
                f.access
                    .trail()
                    .record(AuditEvent.of("ana", AuditAction.PUBLISH, "x", "x", Outcome.SUCCESS)))
        .isInstanceOf(AuditTrailException.class);
  }
}

package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit logs} reports a card keyed one key per line, naming the call and the lines. */
class KeyByKeyAuditTest {

  @TempDir Path dir;

  @Test
  void aRealAsteriskLogOfACardKeyedKeyByKeyIsAFindingNamingTheChannelAndLines() throws IOException {
    Path log = dir.resolve("full");
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/io/tabula/masking/keys/asterisk-22.10.1-full-dtmf-agi-debug.txt")) {
      Files.copy(in, log);
    }
    List<AuditFinding> findings = new ArrayList<>();

    AuditSummary summary = new LogAuditor().audit(List.of(log), findings::add);

    List<String> lines = Files.readAllLines(log);
    AuditFinding keyed =
        findings.stream()
            .filter(f -> f.kind().equals("card number keyed key by key"))
            .findFirst()
            .orElseThrow();
    assertThat(keyed.masked())
        .matches("\\[Visa \\*\\*\\*\\*4242] call DTMF Local/card@ivr-00000001;2, lines \\d+-\\d+");
    assertThat(lines.get((int) keyed.line() - 1)).contains("DTMF end '2' received on");
    // The line scan still reports the lines that hold the card whole (SendDTMF's argument, the
    // GET DATA reply); the key-by-key finding is one more, not a replacement.
    assertThat(findings)
        .extracting(AuditFinding::kind)
        .contains("card number", "card number keyed key by key");
    assertThat(summary.findings()).isEqualTo(findings.size());
    assertThat(findings.toString()).doesNotContain("424242424242");
  }
}

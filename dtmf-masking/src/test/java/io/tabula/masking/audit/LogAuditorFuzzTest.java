package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Coverage-guided fuzzing of {@link LogAuditor} (docs/fuzzing.md) on log files of any shape, plain
 * or gzip-compressed. The audit ends in bounded time with a summary that adds up, a finding never
 * prints more than a card's last four digits, and a card number is found wherever it stands in a
 * line, however long the line.
 */
class LogAuditorFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(10));
  private static final Path FILE = tempFile();
  private static final String CARD = "4242424242424242";
  private static final String FILLER = "ab cdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ{}\"";

  @FuzzTest
  void auditsAnyLog(FuzzedDataProvider data) throws Exception {
    boolean compress = data.consumeBoolean();
    byte[] text = data.consumeRemainingAsBytes();
    Files.write(FILE, compress ? gzip(text) : text);
    BOUND.run(this::auditAndCheck);
  }

  @FuzzTest
  void findsACardAnywhereInALongLine(FuzzedDataProvider data) throws Exception {
    char filler = FILLER.charAt(data.consumeInt(0, FILLER.length() - 1));
    int before = data.consumeInt(0, 1 << 21);
    int after = data.consumeInt(0, 1 << 10);
    boolean compress = data.consumeBoolean();
    String line = String.valueOf(filler).repeat(before) + " " + CARD + " " + "x".repeat(after);
    byte[] text = (line + "\n").getBytes(StandardCharsets.UTF_8);
    Files.write(FILE, compress ? gzip(text) : text);
    BOUND.run(
        () -> {
          List<AuditFinding> findings = auditAndCheck();
          assertThat(findings)
              .as("the card %d characters into the line", before + 1)
              .anyMatch(f -> f.line() == 1 && f.masked().contains("4242"));
        });
  }

  private List<AuditFinding> auditAndCheck() {
    List<AuditFinding> findings = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    AuditSummary summary =
        new LogAuditor()
            .audit(
                List.of(FILE),
                new AuditListener() {
                  @Override
                  public void finding(AuditFinding finding) {
                    findings.add(finding);
                  }

                  @Override
                  public void unreadable(Path file, String reason) {
                    unreadable.add(reason);
                  }
                });
    assertThat(summary.findings()).isEqualTo(findings.size());
    assertThat(summary.unreadable()).isEqualTo(unreadable.size());
    for (AuditFinding finding : findings) {
      assertThat(finding.line()).isPositive();
      assertThat(longestDigitRun(finding.masked()))
          .as("a finding shows at most a card's last four digits")
          .isLessThanOrEqualTo(4);
    }
    return findings;
  }

  /** The longest run of digits, joined across the separators a card number may be written with. */
  private static int longestDigitRun(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      if (Character.isDigit(c)) {
        longest = Math.max(longest, ++run);
      } else if (c != ' ' && c != '-' && c != '.') {
        run = 0;
      }
    }
    return longest;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("fuzz-log", ".log");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

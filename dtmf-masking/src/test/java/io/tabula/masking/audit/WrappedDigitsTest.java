package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Card numbers wrapped across two lines: an audit-only shape (docs/auditing.md says why). */
class WrappedDigitsTest {

  @TempDir Path dir;

  private final List<AuditFinding> findings = new ArrayList<>();

  private long audit(String text) throws IOException {
    Path log = dir.resolve("wrapped.log");
    Files.writeString(log, text);
    findings.clear();
    return new LogAuditor().audit(List.of(log), findings::add).findings();
  }

  /** Text before the card that fills a terminal's 80 columns with the card's first part. */
  private static final String WIDE =
      "2026-12-05 23:59:59.123 INFO  [tenant 1795421793.33] gateway echo: ";

  @ParameterizedTest(name = "{index}")
  @ValueSource(
      strings = {
        "header\n%scard 4111 1111 11\n11 1111 declined\n",
        "header\n%spayload=41111111\n11111111 end\n",
        "header\n%scard 4111 1111 \n1111 1111\n",
        "header\n%scard 4111-1111-1111-\n    1111 (continued)\n",
        "header\r\n%scard 41111111111\r\n11111 ok\r\n",
      })
  void aCardWrappedAcrossTwoLinesIsFoundOnceOnTheFirst(String template) throws IOException {
    assertThat(audit(template.formatted(WIDE))).isEqualTo(1);
    AuditFinding finding = findings.getFirst();
    assertThat(finding.line()).isEqualTo(2);
    assertThat(finding.kind()).isEqualTo("card number as digits wrapped across two lines");
    assertThat(finding.masked()).isEqualTo("[Visa ****1111]");
  }

  @Test
  void aCardWholeOnOneLineIsNotReportedAgainAcrossTheWrap() throws IOException {
    assertThat(audit("card 4111 1111 1111 1111\n12 more\n")).isEqualTo(1);
    assertThat(findings.getFirst().kind()).isEqualTo("card number");
  }

  @Test
  void aShortLineIsARecordNotAWrap() throws IOException {
    assertThat(audit("card 4111 1111 11\n11 1111 declined\n")).isZero();
  }

  /**
   * Traps: lines that end with a number followed by lines that begin with one (timestamps, times,
   * CSV rows, counters) are not joined into cards.
   */
  @Test
  void numbersAtLineEndsAndStartsGiveNoFinding() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder log = new StringBuilder();
    int lines = 20_000;
    for (int i = 0; i < lines; i++) {
      switch (i % 5) {
        case 0 ->
            log.append(
                String.format(
                    "2026-12-05 %02d:%02d:%02d.%03d INFO CallSession - prompt played, took %d%n",
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(1000),
                    random.nextLong(1_000_000_000L)));
        case 1 ->
            log.append(
                String.format(
                    "%d,%d,%d%n",
                    random.nextLong(10_000_000_000L),
                    random.nextInt(1000),
                    random.nextLong(1_000_000_000L)));
        case 2 ->
            log.append(
                String.format(
                    "%02d:%02d:%02d.%03d gateway reply in %d ms, body bytes %d, attempt %d%n",
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(1000),
                    random.nextInt(100_000),
                    random.nextInt(),
                    random.nextLong(100_000_000L)));
        case 3 ->
            log.append(
                String.format(
                    "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d%n",
                    random.nextLong(10_000_000_000L),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextInt(),
                    random.nextLong(1_000_000_000L)));
        default -> log.append(String.format("%d%n", random.nextLong(100_000_000L)));
      }
    }
    long found = audit(log.toString());
    System.out.printf("Wrapped-digit traps: %,d lines, %d findings%n", lines, found);
    assertThat(findings).isEmpty();
  }
}

package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogAuditorTest {

  @TempDir Path dir;

  private final List<AuditFinding> findings = new ArrayList<>();
  private final AuditListener collect = findings::add;

  @Test
  void findsCardDataInPlainGzipAndJsonLinesWithFileLineAndMaskedFinding() throws IOException {
    Path plain = write("engine.log", "ok line\nGET DATA reply 200 result=4111111111111111\n");
    Path json =
        write(
            "engine.jsonl",
            "{\"message\":\"x\"}\n{\"pan_a\":\"401288\",\"pan_b\":\"8888881881\"}\n");
    Path gz = dir.resolve("old.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          "a\nb\ntrack ;5555555555554444=26121011234567890?\n".getBytes(StandardCharsets.UTF_8));
    }

    AuditSummary summary = new LogAuditor().audit(List.of(plain, json, gz), collect);

    assertThat(summary.files()).isEqualTo(3);
    assertThat(summary.findings()).isEqualTo(3);
    assertThat(summary.bytes()).isEqualTo(Files.size(plain) + Files.size(json) + Files.size(gz));
    assertThat(findings)
        .extracting(
            f -> f.file().getFileName() + ":" + f.line() + " " + f.kind() + " " + f.masked())
        .containsExactly(
            "engine.log:2 card number [Visa ****1111]",
            "engine.jsonl:2 card number ******\",\"pan_b\":\"******1881",
            "old.log.gz:3 track 2 data [track2 Mastercard ****4444]");
    assertThat(findings.toString()).doesNotContain("411111111111", "555555555555", "401288");
  }

  @Test
  void findsKeyedSecretsAndOtherSecrets() throws IOException {
    Path log =
        write(
            "mixed.log",
            "cvv=123\n\"pin\":\"4321\"\nDigit: 5\npassword=hunter2\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz\n"
                + "-----BEGIN PRIVATE KEY-----\n");
    new LogAuditor().audit(List.of(log), collect);
    assertThat(findings)
        .extracting(AuditFinding::kind)
        .containsExactly(
            "card security code", "PIN", "DTMF digit", "password", "bearer token", "private key");
  }

  /**
   * A card number glued to text is still a card number: letters or an underscore before or after
   * it, or after a grouped number, make a boundary. Only a word made of nothing but hexadecimal
   * characters (a hash, a trace id) hides its digits, because those are an identifier's.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "paid with 4242424242424242x",
        "paid with x4242424242424242 ok",
        "pan=card4242424242424242",
        "card_4242424242424242 charged",
        "4242424242424242_visa",
        "ref:pan4242424242424242end",
        "4111 1111 1111 1111x",
        "x4111-1111-1111-1111",
        "Z4242424242424242Z",
      })
  void findsACardNumberGluedToText(String line) throws IOException {
    Path log = write("glued.log", line + "\n");

    AuditSummary summary = new LogAuditor().audit(List.of(log), collect);

    assertThat(summary.findings()).isEqualTo(1);
    assertThat(findings.getFirst().kind()).isEqualTo("card number");
  }

  /**
   * The false-positive check for identifiers: lines full of the ids real logs carry (hex trace and
   * span ids, hashes, Mongo-style object ids, base64 tokens, snake_case and camelCase ids with
   * epoch numbers, thread names) find nothing. (A random 13-19 digit number is another matter:
   * standing alone or glued, one in ten passes Luhn and many of those fall in a brand's range.)
   */
  @Test
  void identifiersGiveNoFinding() throws IOException {
    StringBuilder log = new StringBuilder();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    java.util.HexFormat hex = java.util.HexFormat.of();
    int lines = 20_000;
    for (int i = 0; i < lines; i++) {
      long epochMillis = 1_795_421_793_000L + random.nextInt(1_000_000_000);
      log.append(
          String.format(
              "trace_id=%s span_id=%s sha256=%s oid=%s token=%s req_%d order%dA at%dus user_%d"
                  + " pool-%d-thread-%d ts%d%n",
              hex.formatHex(bytes(random, 16)),
              spanId(random),
              hex.formatHex(bytes(random, 32)),
              hex.formatHex(bytes(random, 12)),
              java.util.Base64.getUrlEncoder().encodeToString(bytes(random, 24)),
              epochMillis,
              epochMillis * 1000 + random.nextInt(1000),
              epochMillis * 1000 + random.nextInt(1000),
              random.nextInt(1_000_000),
              random.nextInt(20),
              random.nextInt(200),
              epochMillis));
    }
    Path file = write("identifiers.log", log.toString());

    AuditSummary summary = new LogAuditor().audit(List.of(file), collect);

    System.out.printf(
        "Log audit false positives on %,d identifier lines (%,d bytes): %d%n",
        lines, summary.bytes(), summary.findings());
    assertThat(findings).isEmpty();
  }

  /**
   * A 16-character hex span id with at least one letter. One id in 1,850 is all decimal digits:
   * that is a 16-digit number, judged as one (Luhn, brand, length), as the ordinary-lines check
   * below does for numbers; docs/auditing.md gives its rate.
   */
  private static String spanId(java.util.SplittableRandom random) {
    while (true) {
      String id = java.util.HexFormat.of().formatHex(bytes(random, 8));
      if (!id.chars().allMatch(Character::isDigit)) {
        return id;
      }
    }
  }

  private static byte[] bytes(java.util.SplittableRandom random, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /**
   * The false-positive check: a day of ordinary engine lines (timestamps in several formats, call
   * ids, UUIDs, phone numbers, thread ids, epoch millis, durations, AGI statuses) finds nothing.
   */
  @Test
  void ordinaryLogLinesGiveNoFinding() throws IOException {
    StringBuilder log = new StringBuilder();
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      long uniqueId = 1_795_421_793L + random.nextInt(1_000_000);
      String call = uniqueId + "." + random.nextInt(500);
      log.append(
          String.format(
              "2026-11-%02d %02d:%02d:%02d.%03d INFO  [city-parking %s] CallSession - call %s from"
                  + " +1 %03d %03d %04d (%s) uuid=%s started=%d thread=%d took=%d.%03d s result=%d%n",
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1000),
              call,
              call,
              200 + random.nextInt(700),
              random.nextInt(1000),
              random.nextInt(10_000),
              "+4420" + (70_000_000 + random.nextInt(9_999_999)),
              new UUID(random.nextLong(), random.nextLong()),
              1_795_421_793_000L + random.nextInt(),
              140_000_000_000_000L + random.nextLong(1_000_000_000_000L),
              random.nextInt(30),
              random.nextInt(1000),
              random.nextInt(2)));
    }
    Path file = write("ordinary.log", log.toString());

    AuditSummary summary = new LogAuditor().audit(List.of(file), collect);

    System.out.printf(
        "Log audit false positives on %,d ordinary lines (%,d bytes): %d%n",
        20_000, summary.bytes(), summary.findings());
    assertThat(findings).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}

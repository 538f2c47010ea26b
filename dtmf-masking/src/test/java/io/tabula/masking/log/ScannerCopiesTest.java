package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner copies a candidate's digits into {@code char[]} scratch arrays to check Luhn and the
 * brand; those copies must be zeroed before they become garbage. A log line is a Latin-1 String
 * (one byte per character), so the card's digits as UTF-16 in a heap dump of this JVM, unreachable
 * objects included, can only come from such a copy.
 */
class ScannerCopiesTest {

  @TempDir Path dir;

  @Test
  void noCopyOfACardsDigitsOutlivesTheScan() throws IOException {
    String card = freshVisaNumber();
    String line = "payment failed for pan " + card + " please retry";
    String glued =
        "pan " + card + "x and order 12 " + card.substring(0, 4) + " " + card.substring(4);

    assertThat(LogMasker.standard().mask(line)).doesNotContain(card);
    assertThat(LogMasker.standard().mask(glued)).doesNotContain(card);
    new SecretScanner(ScanPolicy.AUDIT).scan(line);
    // Shapes decoded into a view: the view's digits are ASCII in a char[], zeroed after the scan.
    StringBuilder fullwidth = new StringBuilder("€ pan ");
    StringBuilder escaped = new StringBuilder("€ pan=");
    for (int i = 0; i < card.length(); i++) { // not toCharArray(): that is a UTF-16 copy
      fullwidth.append((char) (0xFF10 + card.charAt(i) - '0'));
      escaped.append("%3").append(card.charAt(i));
    }
    String grouped = "€ pan " + String.join("/", card.split("(?<=\\G.{4})"));
    for (String shaped : new String[] {fullwidth.toString(), escaped.toString(), grouped}) {
      assertThat(LogMasker.standard().mask(shaped)).contains("****");
      new SecretScanner(ScanPolicy.AUDIT).scan(shaped);
    }

    Path dump = dir.resolve("scanner.hprof");
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpHeap(dump.toString(), false);
    assertThat(occurrences(dump, card.getBytes(StandardCharsets.UTF_16BE)))
        .as("the card's digits as UTF-16 (big-endian, as a heap dump stores char arrays)")
        .isZero();
    assertThat(occurrences(dump, card.getBytes(StandardCharsets.UTF_16LE))).isZero();
  }

  /** A Luhn-valid 16-digit Visa number drawn now, so that no other copy of it exists anywhere. */
  private static String freshVisaNumber() {
    SecureRandom random = new SecureRandom();
    int[] digits = new int[16];
    digits[0] = 4;
    for (int i = 1; i < 15; i++) {
      digits[i] = random.nextInt(10);
    }
    int sum = 0;
    for (int i = 14; i >= 0; i--) {
      int value = digits[i];
      if ((14 - i) % 2 == 0) {
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      }
      sum += value;
    }
    digits[15] = (10 - sum % 10) % 10;
    StringBuilder number = new StringBuilder(16);
    for (int digit : digits) {
      number.append((char) ('0' + digit));
    }
    return number.toString();
  }

  private static long occurrences(Path file, byte[] needle) throws IOException {
    long found = 0;
    int matched = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        for (int i = 0; i < read; i++) {
          // The needle's bytes never repeat its own prefix in a way that needs backtracking
          // beyond restarting at the current byte: digits alternate with zero bytes.
          matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
          if (matched == needle.length) {
            found++;
            matched = 0;
          }
        }
      }
    }
    return found;
  }
}

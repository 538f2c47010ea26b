package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.redteam.RedTeamCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick pass of {@link SecretScanner} decides which finders run over a line; it must never skip
 * a finder that would have found something. Every line of the red-team corpus, the fuzz targets'
 * regression inputs and a set of edge cases is scanned twice, once as the audit and the masking
 * layer scan it and once with every plain finder run whatever the quick pass says, and the findings
 * must be the same.
 */
class PrefilterEquivalenceTest {

  /** Lines where a trigger sits somewhere the quick pass might not look. */
  private static final List<String> EDGES =
      List.of(
          "cvv2 123",
          "CVV2 739 given",
          "x cvc2 4567 y",
          "{\"a\":\"401288\",\"b\":\"8888881881\"}",
          "{\"a\":401288, \"pan2\" : \"8888881881\"}",
          "{\\\"a\\\":\\\"401288\\\",\\\"b\\\":\\\"8888881881\\\"}",
          "{\"level_value\":20000,\"call\":\"1796512709.33\",\"n\":\"4111\"}",
          "{\"a\":\"4012\",\"cvv\":\"123\",\"b\":\"8888881881\"}",
          "t2 4111111111111111=2512101000000 end",
          "%B4111111111111111^DOE/JANE^2612101000?",
          "-----BEGIN RSA PRIVATE KEY-----abc-----END RSA PRIVATE KEY-----",
          "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345",
          "1-----BEGIN PRIVATE KEY-----x-----",
          "4111 1111 1111 1111",
          "4111-1111-1111-1111 and 12.34.56 and 1 2 3 4 5 6 7 8 9 0 1 2 3",
          "<cvc>123</cvc>",
          "card[cvc]=123",
          "200 result=1228 (timeout)",
          "Digit: 7",
          "security code 913",
          "[2026-12-05 10:00:01.077] VERBOSE[4321][C-00001a2b] pbx.c: Executing [s@ivr-main:3]",
          "[4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
          "bytes=[ '4' ,'1','1','1','1','1','1','1','1','1','1','1','1','1','1','1']",
          "[52, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49]",
          "[-1, 52, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49]",
          "x[1234, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] [4 ,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]");

  /** A Visa test card written as hexadecimal ASCII in each way the decoder reads it. */
  private static final List<String> HEX_ASCII =
      List.of(
          hex("", ""),
          "data=" + hex("", ""),
          "bytes: " + hex("", " ") + " end",
          "buf " + hex("0x", ", "),
          "buf " + hex("0x", ","),
          "mac " + hex("", ":"),
          "{\"b\":\"" + hex("", "") + "\"}",
          "10:00:01.077 30 31 x " + hex("", " "),
          "33 33 33 33 33:" + hex("", ":"),
          "3x 0x3 " + hex("0x", " "));

  private static final List<String> LINES = new ArrayList<>();

  private static String hex(String prefix, String separator) {
    StringBuilder out = new StringBuilder();
    for (char digit : "4111111111111111".toCharArray()) {
      out.append(out.isEmpty() ? "" : separator).append(prefix).append(Integer.toHexString(digit));
    }
    return out.toString();
  }

  @BeforeAll
  static void readLines(@TempDir Path corpus) throws IOException {
    LINES.addAll(RedTeamCorpus.linesAndFuzzInputs(corpus));
    LINES.addAll(EDGES);
    LINES.addAll(HEX_ASCII);
  }

  @Test
  void theCorpusAndTheSeedsAreRead() {
    assertThat(LINES).hasSizeGreaterThan(50_000);
  }

  /** The corpus holds no card in hexadecimal ASCII: these lines do, so both scanners must see. */
  @ParameterizedTest
  @ValueSource(strings = {"AUDIT", "MASKING"})
  void theHexadecimalAsciiEdgesHoldACard(String policyName) {
    ScanPolicy policy = policyName.equals("AUDIT") ? ScanPolicy.AUDIT : ScanPolicy.MASKING;
    SecretScanner reference = SecretScanner.withoutQuickPass(policy);
    for (String line : HEX_ASCII) {
      assertThat(reference.scan(line))
          .as(line)
          .anyMatch(finding -> finding.reason().shape().equals(ShapeViews.HEX_ASCII));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUDIT", "MASKING"})
  void theQuickPassNeverSkipsAFinding(String policyName) {
    ScanPolicy policy = policyName.equals("AUDIT") ? ScanPolicy.AUDIT : ScanPolicy.MASKING;
    SecretScanner scanner = new SecretScanner(policy);
    SecretScanner reference = SecretScanner.withoutQuickPass(policy);
    long differing = 0;
    List<String> examples = new ArrayList<>();
    for (String line : LINES) {
      if (!scanner.scan(line).equals(reference.scan(line))) {
        differing++;
        if (examples.size() < 5) {
          examples.add(line.length() > 200 ? line.substring(0, 200) : line);
        }
      }
    }
    assertThat(differing).as("lines found differently, e.g. %s", examples).isZero();
  }
}

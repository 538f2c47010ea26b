package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape one card number is written in is found by the auditors' scanner AND masked by the
 * masking layer (issue 18, "Shapes of one number"): one test per class of shape, each case run
 * through both.
 */
class NumberShapesTest {

  private static final String CARD = "4111111111111111";
  private static final SecretScanner AUDIT = new SecretScanner(ScanPolicy.AUDIT);

  static List<String> separators() {
    List<String> lines = new ArrayList<>();
    for (String separator :
        List.of(
            "/", "_", "|", ":", ";", ",", "+", "*", "~", "#", "=", "\t", "  ", "   ", " - ", " / ",
            ", ", "\u00a0", "\u2009", "\u202f", "\u2013", "\u2014", "\u2011", "\u3000", "\n",
            "\r\n", "\\", "','", "\",\"")) {
      lines.add("card " + String.join(separator, "4111", "1111", "1111", "1111") + " declined");
    }
    lines.add("amex 3782/822463/10005 ok");
    lines.add("amex 3782 - 822463 - 10005 ok");
    lines.add("visa19 4111_1111_1111_1111_113 ok".replace("113", tail19()));
    return lines;
  }

  private static String tail19() {
    String card = TestCards.luhn("4111111111111111", 19);
    return card.substring(16);
  }

  @ParameterizedTest(name = "separator case {index}")
  @MethodSource("separators")
  void anySeparatorBetweenDigitGroups(String line) {
    assertFoundAndMasked(line);
  }

  static List<String> splitAcrossFields() {
    return List.of(
        "{\"pan_a\":\"411111\",\"pan_b\":\"1111111111\"}",
        "{\"p1\":\"4111\",\"p2\":\"1111\",\"p3\":\"1111\",\"p4\":\"1111\"}",
        "{\\\"a\\\":\\\"41111111\\\",\\\"b\\\":\\\"11111111\\\"}",
        "row;4111;1111;1111;1111;end",
        "[\"4111\",\"1111\",\"1111\",\"1111\"]");
  }

  @ParameterizedTest(name = "fields case {index}")
  @MethodSource("splitAcrossFields")
  void digitsSplitAcrossFields(String line) {
    assertFoundAndMasked(line);
  }

  static List<String> arrays() {
    char[] chars = CARD.toCharArray();
    byte[] bytes = CARD.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int[] ints = CARD.chars().map(c -> c - '0').toArray();
    String quoted =
        CARD.chars()
            .mapToObj(c -> "'" + (char) c + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    return List.of(
        "pan=" + Arrays.toString(chars),
        "digits " + Arrays.toString(ints) + " keyed",
        "bytes=" + Arrays.toString(bytes),
        "buf " + Arrays.toString("card=4111 1111 1111 1111".getBytes()),
        "chars " + quoted,
        "compact [4,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]",
        "hex " + java.util.HexFormat.of().formatHex(bytes),
        "dump " + java.util.HexFormat.ofDelimiter(" ").formatHex(bytes) + " end",
        "colons " + java.util.HexFormat.ofDelimiter(":").formatHex(bytes),
        "bytes [" + java.util.HexFormat.ofDelimiter(", ").withPrefix("0x").formatHex(bytes) + "]");
  }

  @ParameterizedTest(name = "array case {index}")
  @MethodSource("arrays")
  void javaArrayRenderingsOfCharsBytesAndInts(String line) {
    assertFoundAndMasked(line);
  }

  static List<String> escapes() {
    return List.of(
        "url pan=" + encode(CARD, "%3") + "&x=1",
        "url spaced 4111%201111%201111%201111",
        "url mixed pan=41%311111111111111",
        "json {\"pan\":\"" + encode(CARD, "\\u003") + "\"}",
        "c " + encode(CARD, "\\x3"),
        "xml <pan>" + entities(CARD, false) + "</pan>",
        "xml hex <pan>" + entities(CARD, true) + "</pan>",
        "xml upper hex &#X34;&#X31;&#X31;&#X31; 1111 1111 1111");
  }

  @ParameterizedTest(name = "escape case {index}")
  @MethodSource("escapes")
  void escapedDigits(String line) {
    assertFoundAndMasked(line);
  }

  static List<String> unicodeDigits() {
    List<String> lines = new ArrayList<>();
    for (int zero : new int[] {0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE}) {
      StringBuilder line = new StringBuilder("pan ");
      for (char c : CARD.toCharArray()) {
        line.appendCodePoint(zero + c - '0');
      }
      lines.add(line.append(" ok").toString());
    }
    lines.add("fullwidth spaced ４１１１　１１１１　１１１１　１１１１");
    lines.add("mixed 4111١١١١1111١١١١");
    return lines;
  }

  @ParameterizedTest(name = "unicode case {index}")
  @MethodSource("unicodeDigits")
  void decimalDigitsThatAreNotAscii(String line) {
    assertFoundAndMasked(line);
  }

  private static void assertFoundAndMasked(String line) {
    assertThat(AUDIT.scan(line))
        .as("the audit finds a card in: %s", line)
        .anyMatch(f -> f.kind() == SecretKind.CARD_NUMBER || f.kind() == SecretKind.TRACK_2);
    String masked = LogMasker.standard().mask(line);
    String digits = digitsOf(line);
    String head = digits.contains("37828224") ? "37828224" : "41111111";
    assertThat(masked).as("masked: %s", line).isNotEqualTo(line);
    assertThat(digitsOf(masked)).as("digits left in: %s", masked).doesNotContain(head);
    assertThat(AUDIT.scan(masked))
        .as("a card is still found in the masked text: %s", masked)
        .noneMatch(f -> f.kind() == SecretKind.CARD_NUMBER);
  }

  /** Every decimal digit of the text, in order, as ASCII (whatever script and escape). */
  private static String digitsOf(String text) {
    StringBuilder digits = new StringBuilder();
    text.codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append((char) ('0' + Character.digit(c, 10))));
    return digits.toString();
  }

  private static String encode(String digits, String prefix) {
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(prefix).append(c);
    }
    return out.toString();
  }

  private static String entities(String digits, boolean hex) {
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(hex ? "&#x3" + c + ";" : "&#" + (int) c + ";");
    }
    return out.toString();
  }
}

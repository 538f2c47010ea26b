package io.tabula.masking.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IinTableTest {

  @Test
  void theShippedTableNamesItsSourceAndDateAndParses() throws IOException {
    String text;
    try (InputStream in = IinTable.class.getResourceAsStream("iin-ranges.tsv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text)
        .contains("Source: ")
        .contains("https://en.wikipedia.org/wiki/Payment_card_number");
    assertThat(Pattern.compile("checked \\d{4}-\\d{2}-\\d{2}").matcher(text).find()).isTrue();
    assertThat(IinTable.standard().size()).isGreaterThan(60);
    for (String brand :
        new String[] {
          "Visa",
          "Mastercard",
          "American Express",
          "Discover",
          "JCB",
          "Diners Club",
          "Mir",
          "Elo",
          "Hipercard",
          "Maestro",
          "UnionPay",
          "RuPay",
          "Verve",
          "Troy"
        }) {
      assertThat(text).as(brand).contains("\n" + brand + "\t");
    }
  }

  @Test
  void theTableIsLoadedOnce() {
    assertThat(IinTable.standard()).isSameAs(IinTable.standard());
  }

  @Test
  void aMalformedLineIsRefusedWithItsLineNumber() {
    assertThatThrownBy(() -> IinTable.parse(stream("# c\nVisa\t4\t16\n")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("fix the table");
    assertThatThrownBy(() -> IinTable.parse(stream("Visa\t4-55\t16\tluhn\n")))
        .hasMessageContaining("same length");
    assertThatThrownBy(() -> IinTable.parse(stream("Visa\t4\t16\tmod11\n")))
        .hasMessageContaining("luhn, mostly or none");
  }

  @Test
  void theLongestRangeThatIssuesTheLengthNamesTheBrand() throws IOException {
    IinTable table =
        IinTable.parse(stream("Visa\t4\t13,16,19\tluhn\nElo\t401178\t16\tluhn\nX\t9\t16\tnone\n"));
    assertThat(table.brandOf("4011780000000000".toCharArray(), 0, 16)).isNull(); // not Luhn
    char[] elo = luhn("401178", 16);
    assertThat(table.brandOf(elo, 0, 16)).isEqualTo("Elo");
    char[] visa19 = luhn("401178", 19);
    assertThat(table.brandOf(visa19, 0, 19)).isEqualTo("Visa");
    assertThat(table.brandOf("9000000000000001".toCharArray(), 0, 16)).isEqualTo("X");
  }

  private static char[] luhn(String prefix, int length) {
    StringBuilder number = new StringBuilder(prefix);
    while (number.length() < length - 1) {
      number.append('0');
    }
    for (char check = '0'; check <= '9'; check++) {
      char[] candidate = (number.toString() + check).toCharArray();
      if (IinTable.luhnValid(candidate, 0, candidate.length)) {
        return candidate;
      }
    }
    throw new AssertionError();
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}

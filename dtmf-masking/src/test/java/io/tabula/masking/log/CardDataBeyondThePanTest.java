package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Card data beyond a plain PAN (issue 18): track 2 with either separator, CVCs in form fields, XML
 * and free text, and every brand of the IIN table, found by the audit and masked by the masking
 * layer.
 */
class CardDataBeyondThePanTest {

  private static final SecretScanner AUDIT = new SecretScanner(ScanPolicy.AUDIT);
  private static final LogMasker MASKER = LogMasker.standard();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ";4111111111111111=25121010000000000000?",
        "t2 4111111111111111=2512101000000 end",
        ";4111111111111111D25121010000000000000?",
        "tag57 4111111111111111D2512101000000000F end",
        "emv=4111111111111111d25121010000000",
      })
  void trackTwoWithEitherSeparator(String line) {
    assertThat(AUDIT.scan(line)).extracting(Finding::kind).contains(SecretKind.TRACK_2);
    String masked = MASKER.mask(line);
    assertThat(masked).contains("[track2 Visa ****1111]").doesNotContain("2512101");
  }

  @Test
  void aHexIdentifierWithDigitsAroundADIsNoTrack() {
    String line = "sha=ab4111111111111111d2512101000000ff span=e4111111111111111d25121010000000a";
    assertThat(AUDIT.scan(line)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "card[cvc]=123&card[number]=x|card[cvc]=***&card[number]=x",
        "payment[card][cvv]=7391|payment[card][cvv]=***",
        "card%5Bcvc%5D=123&x=1|card%5Bcvc%5D=***&x=1",
        "card%5Bcvc%5D%3D123&x=1|card%5Bcvc%5D%3D***&x=1",
        "<cvc>123</cvc>|<cvc>***</cvc>",
        "<CVV2>4567</CVV2>|<CVV2>***</CVV2>",
        "<securityCode>987</securityCode>|<securityCode>***</securityCode>",
        "caller said cvv 123 twice|caller said cvv *** twice",
        "CVV2 #123 keyed|CVV2 #*** keyed",
        "csc\t1234 ok|csc\t*** ok",
        "card.cvc=321|card.cvc=***",
        "<CardSecurityCode>482</CardSecurityCode>|<CardSecurityCode>***</CardSecurityCode>",
        "<card_security_code>4821</card_security_code>|<card_security_code>***</card_security_code>",
        "request CVV2 - 771|request CVV2 - ***",
        "cvv-4821 given|cvv-*** given",
        "request security code 913|request security code ***",
        "the Security Code: 913|the Security Code: ***",
        "caller gave CVV2 739 twice|caller gave CVV2 *** twice",
        "cvc2 4821|cvc2 ***",
        "card 4111 cvv2 123|card 4111 cvv2 ***",
      })
  void cardSecurityCodesInFormsXmlAndText(String line, String masked) {
    assertThat(AUDIT.scan(line)).extracting(Finding::kind).contains(SecretKind.CVC);
    assertThat(MASKER.mask(line)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "retry cvv check passed in 123 ms",
        "cid 1795421793 called",
        "<cvc_check>pass</cvc_check>",
        "cvv 12345678",
        "security code 12345678",
        "no security code 3 times",
      })
  void wordsNearACvcKeyThatAreNoCvc(String line) {
    assertThat(AUDIT.scan(line)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Visa, 400005, 16",
    "Visa, 4, 13",
    "Visa, 4, 19",
    "Mastercard, 2221, 16",
    "Mastercard, 2720, 16",
    "Mastercard, 51, 16",
    "American Express, 37, 15",
    "Discover, 6011, 16",
    "Discover, 644, 19",
    "JCB, 3528, 16",
    "Diners Club, 36, 14",
    "Diners Club, 3095, 16",
    "Mir, 2200, 16",
    "Mir, 2204, 19",
    "Elo, 509000, 16",
    "Elo, 650031, 16",
    "Hipercard, 606282, 16",
    "Hipercard, 384100, 19",
    "Maestro, 6759, 12",
    "Maestro, 5018, 19",
    "Maestro UK, 676770, 16",
    "UnionPay, 62, 19",
    "UnionPay, 8100, 16",
    "RuPay, 508, 16",
    "Verve, 506099, 16",
    "Verve, 650002, 19",
    "Troy, 9792, 16",
    "Dankort, 5019, 16",
    "Borica, 2205, 16",
    "Humo, 9860, 16",
    "UzCard, 8600, 16",
    "InterPayment, 636, 18",
    "InstaPayment, 637, 16",
    "LankaPay, 357111, 16",
    "China T-Union, 31, 19",
  })
  void everyBrandOfTheIinTable(String brand, String prefix, int length) {
    String card = TestCards.luhn(prefix, length);
    String line = "pan=" + card + " ok";
    String last4 = card.substring(card.length() - 4);
    if (length >= 13) {
      assertThat(AUDIT.scan(line))
          .extracting(Finding::replacement)
          .containsExactly("[" + brand + " ****" + last4 + "]");
      assertThat(MASKER.mask(line)).isEqualTo("pan=[" + brand + " ****" + last4 + "] ok");
    } else {
      // 12-digit Maestro numbers exist, but 12 digits are too common in logs to be judged a card.
      assertThat(AUDIT.scan(line)).isEmpty();
    }
  }

  @Test
  void aBrandThatUsesLuhnNeedsIt() {
    for (String prefix : List.of("2200", "509000", "606282", "9792", "6759")) {
      String card = TestCards.broken(TestCards.luhn(prefix, 16));
      assertThat(AUDIT.scan("pan=" + card)).as(prefix).isEmpty();
    }
  }

  @Test
  void unionPayWithoutACheckDigitIsMaskedButNotReported() {
    String card = TestCards.broken(TestCards.luhn("6212", 16));
    assertThat(MASKER.mask("pan=" + card)).startsWith("pan=[UnionPay ****");
    assertThat(AUDIT.scan("pan=" + card)).isEmpty();
  }
}

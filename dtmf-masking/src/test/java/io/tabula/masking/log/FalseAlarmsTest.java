package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers that look like card data and are not (issue 18, "False alarms to drop"): the audit reads
 * the field name, the context and the IIN. Each class has a control: the same digits where they are
 * card data are still found.
 */
class FalseAlarmsTest {

  private static final SecretScanner AUDIT = new SecretScanner(ScanPolicy.AUDIT);
  private static final String VISA_19 = TestCards.luhn("4929", 19);
  private static final String VISA_16 = "4111111111111111";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "POST /hooks/payment -> result=200 in 31 ms",
        "webhook delivered status=201 result=201",
        "{\"result\":404,\"path\":\"/x\"}",
        "http client result=503 retry=2",
        "i.t.pay.Gateway - upstream replied 200 result=400 attempt=1",
        "webhook answered 200 result=201",
      })
  void httpStatusesOutsideAgiAreNoAgiDigits(String line) {
    assertThat(AUDIT.scan(line)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "AGI Rx << 200 result=1234 (timeout)",
        "200 result=4321",
        "Tx >> 200 result=4321",
        "fastagi << 200 result=4321 (timeout)",
        "trace: 200 result=4321",
        "agi: GET DATA returned result=987",
      })
  void agiResultsInAgiContextAreStillFound(String line) {
    assertThat(AUDIT.scan(line)).extracting(Finding::kind).containsExactly(SecretKind.AGI_RESULT);
  }

  @Test
  void ibansAreNotCards() {
    String diners = TestCards.luhn("36", 14);
    assertThat(AUDIT.scan("pan " + diners)).as("control").hasSize(1);
    String iban = iban("GB", "WEST" + diners);
    assertThat(AUDIT.scan("pay to " + iban + " today")).as(iban).isEmpty();
    assertThat(AUDIT.scan("pay to " + spaced(iban) + " EUR")).as(spaced(iban)).isEmpty();
    String visa = TestCards.luhn("4", 16);
    String allDigits = iban("NL", visa + "00");
    assertThat(AUDIT.scan("iban=" + spaced(allDigits))).as(allDigits).isEmpty();
  }

  @Test
  void anIbanWithAWrongCheckDoesNotHideACard() {
    String diners = TestCards.luhn("36", 14);
    String iban = iban("GB", "WEST" + diners);
    String wrong = iban.substring(0, 2) + (iban.charAt(2) == '9' ? '0' : '9') + iban.substring(3);
    assertThat(AUDIT.scan("pay to " + wrong)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "counts 4111 1111 1111 1111 2222 3333",
        "ids 1234 4111 1111 1111 1111",
        "samples: 5012 4111 1111 1111 1111 7781 3309",
        "latency histogram ms: 9 9 3309 3968 0 5 4 4111 1111 1111 1111 451 2369 1 4708",
        "latency histogram ms: 2712 7 3209 9 3664 1 2 7 4111 1111 1111 1111",
      })
  void listsOfNumbersSeparatedBySpacesAreNotCards(String line) {
    assertThat(AUDIT.scan(line)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "order 12 4111 1111 1111 1111 ok",
        "v2.621.621 4111111111111111 1",
        "counts 12 34 4111111111111111 56",
        "read back 12 34 4111 1111 1111 1111 56",
        "caller read 4111 1111 1111 1111 12 25 123",
      })
  void aCardAmongOtherNumbersIsStillFound(String line) {
    assertThat(AUDIT.scan(line))
        .extracting(Finding::replacement)
        .containsExactly("[Visa ****1111]");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "trace_id=%s span_id=1",
        "{\"dd.trace_id\":\"%s\",\"msg\":\"x\"}",
        "span_id: %s",
        "parent_id=%s",
        "<traceId>%s</traceId>",
      })
  void nineteenDigitTraceAndSpanIds(String template) {
    assertThat(AUDIT.scan(template.formatted(VISA_19))).isEmpty();
    assertThat(AUDIT.scan(("pan=%s").formatted(VISA_19))).as("control").hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "elapsed_ns=%s",
        "took_us=%s",
        "\"durationNanos\":%s",
        "latency=%s",
        "epoch_ms: %s",
        "agi_threadid: %s",
      })
  void measurementsAndThreadIds(String template) {
    assertThat(AUDIT.scan(template.formatted(VISA_16))).isEmpty();
  }

  @Test
  void aCardFieldIsACardWhateverElseItsNameSays() {
    assertThat(AUDIT.scan("card_seq=" + VISA_16)).hasSize(1);
    assertThat(AUDIT.scan("pan_timestamp=" + VISA_16)).hasSize(1);
  }

  @Test
  void theMaskingLayerStillMasksEveryOneOfThem() {
    LogMasker masker = LogMasker.standard();
    assertThat(masker.mask("trace_id=" + VISA_19)).doesNotContain(VISA_19);
    assertThat(masker.mask("elapsed_ns=" + VISA_16)).doesNotContain(VISA_16);
    assertThat(masker.mask("ids 1234 4111 1111 1111 1111")).doesNotContain("4111 1111 1111 1111");
    assertThat(masker.mask("latency ms: 9 9 3309 0 5 4111 1111 1111 1111 451 2369 1"))
        .doesNotContain("4111 1111 1111 1111");
    assertThat(masker.mask("upstream replied 200 result=4321 attempt=1")).doesNotContain("4321");
  }

  /** A valid IBAN for a country code and a BBAN (ISO 13616 check digits). */
  private static String iban(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return country + String.format("%02d", check) + bban;
  }

  private static String spaced(String iban) {
    return iban.replaceAll("(.{4})(?!$)", "$1 ");
  }
}

package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogMaskerTest {

  private final LogMasker masker = LogMasker.standard();

  @ParameterizedTest(name = "leak case {index}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pan 4111111111111111 ok|pan [Visa ****1111] ok",
        "pan 4111 1111 1111 1111.|pan [Visa ****1111].",
        "pan 4111-1111-1111-1111|pan [Visa ****1111]",
        "pan 4111.1111.1111.1111|pan [Visa ****1111]",
        "amex 3782 822463 10005|amex [American Express ****0005]",
        "order 12 4111 1111 1111 1111|order 12 [Visa ****1111]",
        "{\"a\":\"411111\",\"b\":\"1111111111\"}|{\"a\":\"******\",\"b\":\"******1111\"}",
        "%B4111111111111111^DOE/JOHN^2512101000000000000?|[track1 Visa ****1111]",
        "t2 ;4111111111111111=25121010000000000000? end|t2 [track2 Visa ****1111] end",
        "cvv=123 and CVC2: 4567|cvv=*** and CVC2: ***",
        "{\"security_code\": \"987\", \"pin\":1234}|{\"security_code\": \"***\", \"pin\":***}",
        "200 result=4111 (timeout)|200 result=*** (timeout)",
        "Event: DTMFEnd Digit: 5 Direction: Received|Event: DTMFEnd Digit: *** Direction: Received",
        "digit=#|digit=***",
        "password=hunter2 user=bob|password=*** user=bob",
        "paid 4242424242424242x|paid [Visa ****4242]x",
        "card_4242424242424242|card_[Visa ****4242]",
      })
  void masksEveryKindOfLeak(String line, String masked) {
    assertThat(masker.mask(line)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-11-23 08:50:26.123 call 1795421793.33 answered",
        "call 1795421793.33 and 1795421794.34 bridged",
        "uuid 550e8400-e29b-41d4-a716-446655440000 and 12345678-1234-1234-a234-123456789012",
        "from +1 415 555 0123 and +44 20 7946 0958",
        "200 result=1",
        "200 result=-1 (hangup)",
        "pinned=yes spin=3 spinner: 4",
        "plain text without digits at all, just words and punctuation; nothing to see",
        "bytes=4111111111111111abc",
      })
  void leavesOrdinaryLinesAlone(String line) {
    assertThat(masker.mask(line)).isSameAs(line);
  }

  @org.junit.jupiter.api.Test
  void maskingAgainChangesNothing() {
    for (String line :
        new String[] {
          "Digit: *",
          "digit=#",
          "cvv=123 pin=4321",
          "200 result=4111 (timeout)",
          "pan 4111 1111 1111 1111 and 12 4111111111111111 5"
        }) {
      String once = masker.mask(line);
      assertThat(masker.mask(once)).as(line).isSameAs(once);
    }
  }

  @org.junit.jupiter.api.Test
  void aScanThatFailsWithholdsTheWholeText() {
    LogMasker failing =
        new LogMasker(
            text -> {
              throw new IllegalStateException("defect");
            });
    LogMasker outOfRange =
        new LogMasker(text -> java.util.List.of(new Finding(4, 4000, SecretKind.CVC, "***")));
    assertThat(failing.mask("pan 4111111111111111")).isEqualTo(LogMasker.WITHHELD);
    assertThat(outOfRange.mask("pan 4111111111111111")).isEqualTo(LogMasker.WITHHELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-11-23T08:50:26.123Z INFO engine call=1795421793.33 tenant=city-parking answered",
        "{\"@timestamp\":\"2026-11-23T08:50:26.123Z\",\"call\":\"1795421793.33\"}",
        "agi_threadid: 140569567119040",
        "id=550e8400-e29b-41d4-a716-446655440000 phone=+14155550123 epoch=1795421793123",
      })
  void theAuditPolicyFindsNothingInOrdinaryLines(String line) {
    assertThat(new SecretScanner(ScanPolicy.AUDIT).scan(line)).isEmpty();
  }
}

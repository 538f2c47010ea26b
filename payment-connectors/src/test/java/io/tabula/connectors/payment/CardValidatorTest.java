package io.tabula.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.card.CardBrand;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardValidatorTest {

  static CallMemoryPool pool;
  static final Clock NOVEMBER_2026 =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  static final CardValidator VISA_MASTERCARD_AMEX =
      new CardValidator(
          EnumSet.of(CardBrand.VISA, CardBrand.MASTERCARD, CardBrand.AMERICAN_EXPRESS),
          NOVEMBER_2026);

  @BeforeAll
  static void open() {
    pool = CallMemoryPool.open(new CallMemoryPoolConfig(2, 256, false, false));
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "4242424242424242, 1126, 123, ",
    "4242424242424242, 1230, 123, ",
    "5555555555554444, 0127, 321, ",
    "378282246310005, 1227, 1234, ",
    "4242424242424241, 1230, 123, PAN_CHECK_DIGIT",
    "6011111111111117, 1230, 123, BRAND_NOT_ACCEPTED",
    "4222222222222, 1230, 123, ",
    "42424242424242426, 1230, 123, PAN_LENGTH",
    "4242424242424242, 1026, 123, EXPIRY_PAST",
    "4242424242424242, 1330, 123, EXPIRY_FORMAT",
    "4242424242424242, 123, 123, EXPIRY_FORMAT",
    "4242424242424242, 1230, 12, CVC_LENGTH",
    "378282246310005, 1230, 123, CVC_LENGTH",
    "5555555555554444, 1230, 1234, CVC_LENGTH",
  })
  void findsTheWrongPartBeforeAnythingIsSent(
      String pan, String expiry, String cvc, CardProblem expected) {
    try (CallMemory call = TestCards.newCall(pool)) {
      CardFields card = TestCards.key(call, pan, expiry, cvc);

      assertThat(VISA_MASTERCARD_AMEX.check(card)).isEqualTo(Optional.ofNullable(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PAN_CHECK_DIGIT, PAN",
    "BRAND_NOT_ACCEPTED, PAN",
    "EXPIRY_PAST, EXPIRY",
    "CVC_LENGTH, CVC"
  })
  void eachProblemNamesThePartToKeyAgain(CardProblem problem, CardProblem.CardPart part) {
    assertThat(problem.part()).isEqualTo(part);
  }
}

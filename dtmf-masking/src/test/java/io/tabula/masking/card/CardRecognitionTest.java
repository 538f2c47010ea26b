package io.tabula.masking.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The brands' published test card numbers (Stripe, Adyen and the networks' own lists). */
class CardRecognitionTest {

  private static CallMemoryPool pool;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(new CallMemoryPoolConfig(1, 64, false, false));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  private static <R> R withPan(String digits, java.util.function.Function<SecretField, R> check) {
    try (CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      SecretField pan = memory.field("pan", 19);
      for (byte b : digits.getBytes(StandardCharsets.US_ASCII)) {
        pan.append(b);
      }
      return check.apply(pan);
    }
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "4242424242424242, VISA, 3",
    "4000056655665556, VISA, 3",
    "4222222222222, VISA, 3",
    "5555555555554444, MASTERCARD, 3",
    "2223003122003222, MASTERCARD, 3",
    "5200828282828210, MASTERCARD, 3",
    "5105105105105100, MASTERCARD, 3",
    "378282246310005, AMERICAN_EXPRESS, 4",
    "371449635398431, AMERICAN_EXPRESS, 4",
    "6011111111111117, DISCOVER, 3",
    "6011000990139424, DISCOVER, 3",
    "6445644564456445, DISCOVER, 3",
    "3566002020360505, JCB, 3",
    "3530111333300000, JCB, 3",
    "3056930009020004, DINERS_CLUB, 3",
    "36227206271667, DINERS_CLUB, 3",
    "6200000000000005, UNIONPAY, 3",
    "6205500000000000004, UNIONPAY, 3",
    "6759649826438453, MAESTRO, 3",
    "5018000000000009, MAESTRO, 3",
  })
  void publishedTestCardsAreRecognised(String pan, CardBrand brand, int cvcLength) {
    withPan(
        pan,
        field -> {
          assertThat(field.luhnValid()).as("Luhn").isTrue();
          assertThat(field.brand()).isEqualTo(brand);
          assertThat(brand.acceptsPanLength(pan.length())).as("length").isTrue();
          assertThat(brand.cvcLength()).isEqualTo(cvcLength);
          return null;
        });
  }

  @ParameterizedTest(name = "{0} fails Luhn")
  @CsvSource({"4242424242424241", "5555555555554440", "378282246310006", "1", "79927398710"})
  void numbersWithABadCheckDigitFailLuhn(String digits) {
    assertThat(withPan(digits, SecretField::luhnValid)).isFalse();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2720990000000007, MASTERCARD",
    "2721000000000000, UNKNOWN",
    "2220990000000000, UNKNOWN",
    "6221260000000000, DISCOVER",
    "6229250000000000, DISCOVER",
    "6229260000000000, UNIONPAY",
    "9999999999999995, UNKNOWN",
    "4, VISA",
  })
  void rangeEdgesAndPrefixesFollowTheLongestMatch(String digits, CardBrand brand) {
    assertThat(withPan(digits, SecretField::brand)).isEqualTo(brand);
  }

  @ParameterizedTest
  @CsvSource({"79927398713"})
  void theTextbookLuhnExampleIsValid(String digits) {
    assertThat(withPan(digits, SecretField::luhnValid)).isTrue();
  }
}

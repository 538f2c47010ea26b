package io.tabula.masking.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardExpiryTest {

  private static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);
  private static CallMemoryPool pool;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(new CallMemoryPoolConfig(1, 64, false, false));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @ParameterizedTest(name = "{0} in Nov 2026 is {1}")
  @CsvSource({
    "1126, VALID",
    "1228, VALID",
    "0199, VALID",
    "1026, EXPIRED",
    "1225, EXPIRED",
    "0028, NO_SUCH_MONTH",
    "1328, NO_SUCH_MONTH",
    "128, NOT_FOUR_DIGITS",
    "12028, NOT_FOUR_DIGITS",
  })
  void expiriesAreJudgedAgainstTheCurrentMonth(String mmyy, CardExpiry.Verdict verdict) {
    try (CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory()) {
      SecretField expiry = memory.field("expiry", 5);
      for (byte b : mmyy.getBytes(StandardCharsets.US_ASCII)) {
        expiry.append(b);
      }
      CardExpiry.Verdict judged = expiry.read(digits -> CardExpiry.check(digits, NOVEMBER_2026));
      assertThat(judged).isEqualTo(verdict);
    }
  }
}

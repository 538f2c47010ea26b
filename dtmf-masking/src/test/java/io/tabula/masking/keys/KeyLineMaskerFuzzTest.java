package io.tabula.masking.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of {@link KeyLineMasker} (docs/fuzzing.md): a DTMF end line's key in any
 * surrounding text is always masked, masking again changes nothing, and any text (the reader's
 * input from every log event) is read without an exception and within time.
 */
class KeyLineMaskerFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));

  @FuzzTest
  void masksTheKeyOfADtmfLineInAnyText(FuzzedDataProvider data) throws Exception {
    char key = "0123456789*#ABCD".charAt(data.consumeInt(0, 15));
    String before = data.consumeString(200);
    String after = data.consumeRemainingAsString();
    String text = before + " DTMF end '" + key + "' received on PJSIP/a-00000001" + after;
    BOUND.run(
        () -> {
          String masked = KeyLineMasker.mask(text);
          assertThat(masked).doesNotContain("DTMF end '" + key + "'");
          assertThat(KeyLineMasker.mask(masked)).isEqualTo(masked);
        });
  }
}

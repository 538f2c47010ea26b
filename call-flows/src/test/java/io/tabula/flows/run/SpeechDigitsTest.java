package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.connect.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Digits spoken one by one: the value's 0-9 and nothing else, as the regex it replaces kept them.
 */
class SpeechDigitsTest {

  @Test
  void keepsExactlyWhatTheRegexKept() {
    Random random = new Random(23);
    String alphabet = "0123456789 -./#*abcXYZé٣\uD83D\uDE00";
    for (int run = 0; run < 10_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = text.toString().replaceAll("[^0-9]", "");
      Value value = new Value.Text(text.toString());
      if (expected.isEmpty()) {
        assertThatThrownBy(() -> Speech.digitsOf(value)).isInstanceOf(FlowFailure.class);
      } else {
        assertThat(Speech.digitsOf(value)).as("%s", text).isEqualTo(expected);
      }
    }
  }

  @Test
  void aTicketNumberOfDigitsOnlyIsSaidAsItIs() {
    assertThat(Speech.digitsOf(new Value.Text("12345678"))).isEqualTo("12345678");
    assertThat(Speech.digitsOf(new Value.Text("AB-12 34"))).isEqualTo("1234");
  }
}

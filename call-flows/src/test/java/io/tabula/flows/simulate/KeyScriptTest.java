package io.tabula.flows.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyScriptTest {

  @Test
  void eachFormIsOneToken() {
    assertThat(KeyScript.parse("  12345678#  1 - ^0 *9 h H "))
        .containsExactly(
            new KeyScript.Keys("12345678#"),
            new KeyScript.Keys("1"),
            new KeyScript.Silence(),
            new KeyScript.BargeIn('0'),
            new KeyScript.Keys("*9"),
            new KeyScript.HangUp(),
            new KeyScript.HangUp());
    assertThat(KeyScript.parse("")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1234# 42x2#      | 2 | 9  | 'x' is not a key",
        "12345678,1       | 1 | 9  | ',' is not a key (tokens are separated by spaces, not commas)",
        "1 ^01            | 2 | 3  | a barge-in is ^ and one key, such as ^0",
        "1 2 A            | 3 | 5  | 'A' is not a key",
      })
  void aMistakeNamesItsTokenAndColumnButNoKeys(
      String script, int token, int column, String problem) {
    assertThatThrownBy(() -> KeyScript.parse(script))
        .isInstanceOf(KeyScriptException.class)
        .hasMessage(
            "--keys, token "
                + token
                + " (column "
                + column
                + "): "
                + problem
                + "; fix: write "
                + KeyScript.SYNTAX);
  }

  @Test
  void theSimulatorsScriptsAreTheParsedTokens() {
    KeySource source = KeySource.script("12345678# ^0 - h");
    assertThat(List.of(source.next(), source.next(), source.next(), source.next()))
        .extracting(o -> o.orElseThrow())
        .containsExactly("12345678#", "^0", "-", "H");
  }
}

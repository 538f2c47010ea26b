package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frozen and one-go lines send the very bytes the builder sends. */
class AgiCommandLineTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SAY DIGITS|42|''",
        "SAY DIGITS|0123456789|''",
        "STREAM FILE|tabula/load/welcome|0",
        "STREAM FILE|with space|#",
        "STREAM FILE|''|0123456789*#",
        "SET VARIABLE|café|x",
        "STREAM FILE|back\\slash|\"",
      })
  void aLineMadeInOneGoIsTheBuildersLine(String verb, String argument, String quoted) {
    String built = encode(AgiCommand.of(verb).arg(argument).quoted(quoted));

    assertThat(encode(AgiCommand.ofLine(verb, argument, quoted))).isEqualTo(built);
    assertThat(encode(AgiCommand.of(verb).arg(argument).quoted(quoted).freeze())).isEqualTo(built);
  }

  @Test
  void aFrozenCommandIsSentAgainAndAgainAndTakesNoMoreArguments() {
    AgiCommand play = AgiCommand.of("STREAM FILE").arg("beep").quoted("0").freeze();

    assertThat(encode(play) + encode(play)).isEqualTo("STREAM FILE beep \"0\"\n".repeat(2));
    assertThat(play).hasToString("AgiCommand[STREAM FILE, 2 args]");
    assertThatThrownBy(() -> play.arg("more")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> play.arg(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLineBreakCannotBeSmuggledIntoALineMadeInOneGo() {
    assertThatThrownBy(() -> AgiCommand.ofLine("SAY DIGITS", "1\nHANGUP", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgiCommand.ofLine("SAY DIGITS", "1", "\r"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String encode(AgiCommand command) {
    ByteBuf out = Unpooled.directBuffer();
    try {
      command.encode(out);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }
}

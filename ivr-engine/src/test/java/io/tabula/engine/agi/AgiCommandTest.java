package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabula.engine.Fixtures;
import io.tabula.engine.pbx.AgiArguments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgiCommandTest {

  @Test
  void quotesLikeTheRecordedCommands() {
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("FOO").arg("bar baz")))
        .isEqualTo("SET VARIABLE FOO \"bar baz\"\n");
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("QUOTED").arg("say \"hi\" now")))
        .isEqualTo("SET VARIABLE QUOTED \"say \\\"hi\\\" now\"\n");
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("BACKSLASH").arg("a\\b")))
        .isEqualTo("SET VARIABLE BACKSLASH \"a\\\\b\"\n");
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("EMPTY").arg("")))
        .isEqualTo("SET VARIABLE EMPTY \"\"\n");
    assertThat(encode(AgiCommand.of("STREAM FILE").arg("beep").quoted("0123456789*#")))
        .isEqualTo("STREAM FILE beep \"0123456789*#\"\n");
    assertThat(encode(AgiCommand.of("GET DATA").arg("beep").arg(8000).arg(19)))
        .isEqualTo("GET DATA beep 8000 19\n");
    assertThat(encode(AgiCommand.of("EXEC").arg("Set").arg("X=a,b"))).isEqualTo("EXEC Set X=a,b\n");
  }

  @Test
  void theRecordedCommandsOfTheVariablesScenarioAreReproducedByteForByte() {
    List<String> recorded = Fixtures.commands("variables");
    assertThat(recorded)
        .contains(
            "SET VARIABLE QUOTED \"say \\\"hi\\\" now\"", "SET VARIABLE BACKSLASH \"a\\\\b\"");
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("QUOTED").arg("say \"hi\" now")).strip())
        .isIn(recorded);
    assertThat(encode(AgiCommand.of("SET VARIABLE").arg("PARENS").arg("x) (y")).strip())
        .isIn(recorded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "two words", "say \"hi\" now", "a\\b", "", "x) (y", "tab\there"})
  void whatWeQuoteResAgiParsesBackToTheSameArgument(String value) {
    String line = encode(AgiCommand.of("SET VARIABLE").arg("V").arg(value)).strip();
    assertThat(AgiArguments.parse(line)).containsExactly("SET", "VARIABLE", "V", value);
  }

  @Test
  void longCommandsAndTextBeyondAsciiEncodeWholeIntoADirectBuffer() {
    AgiCommand command =
        AgiCommand.of("EXEC").arg("Playback").arg("fr/bienvenue-à-la-mairie").arg(-1).quoted("x y");
    for (int i = 0; i < 6; i++) {
      command.arg("a" + i);
    }
    String expected = "EXEC Playback fr/bienvenue-à-la-mairie -1 \"x y\" a0 a1 a2 a3 a4 a5\n";
    ByteBuf out = Unpooled.directBuffer(8);
    try {
      command.encode(out);
      command.encode(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected + expected);
    } finally {
      out.release();
    }
    assertThat(command).hasToString("AgiCommand[EXEC, 10 args]");
  }

  @Test
  void lineBreaksCannotBeSmuggledIntoACommand() {
    assertThatThrownBy(() -> AgiCommand.of("EXEC").arg("Set").arg("X=1\nHANGUP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("HANGUP");
  }

  private static String encode(AgiCommand command) {
    ByteBuf out = Unpooled.buffer();
    try {
      command.encode(out);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }
}

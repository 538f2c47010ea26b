package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every duration on the command line is written like the configuration's: 500ms, 3s, 2m, 1h. */
class CommandLineDurationTest {

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "3s, PT3S", "2m, PT2M", "1h, PT1H", "0ms, PT0S", "PT3S, PT3S"})
  void theConfigurationsUnitsAndIsoBothParse(String text, String expected) throws Exception {
    assertThat(new CommandLineDuration().convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "3", "3 s", "-3s", "3d"})
  void anythingElseSaysHowToWriteIt(String text) {
    assertThatThrownBy(() -> new CommandLineDuration().convert(text))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'" + text + "' is not a duration; write it like 500ms, 3s, 2m or 1h");
  }

  @org.junit.jupiter.api.Test
  void healthTakesItsTimeoutLikeTheConfiguration() {
    StringWriter err = new StringWriter();
    CommandLine command = TabulaCommand.commandLine().setErr(new PrintWriter(err));
    CommandLine.ParseResult parsed =
        command.parseArgs("health", "--timeout", "3s", "--url", "http://127.0.0.1:1/health");

    assertThat(parsed.subcommand().matchedOptionValue("--timeout", Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(command.execute("health", "--timeout", "soon")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--timeout': 'soon' is not a duration");
  }
}

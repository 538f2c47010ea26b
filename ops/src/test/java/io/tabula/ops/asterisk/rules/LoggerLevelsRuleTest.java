package io.tabula.ops.asterisk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoggerLevelsRuleTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "notice,warning,dtmf",
        "notice, DTMF ,error",
        "debug",
        "*",
        "[json]notice,dtmf",
        "verbose(3),debug"
      })
  void dtmfDebugAndEverythingAreFlagged(String levels) throws IOException {
    ConfFolder conf =
        new ConfFolder(dir).file("logger.conf", "[general]", "[logfiles]", "full => " + levels);
    assertThat(conf.run(new LoggerLevelsRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(3))
        .satisfies(f -> assertThat(f.what()).contains("'full'"));
  }

  @Test
  void theUsualLevelsPass() throws IOException {
    ConfFolder conf =
        new ConfFolder(dir)
            .file(
                "logger.conf",
                "[logfiles]",
                "console => notice,warning,error,verbose",
                "messages.log => [plain]notice,warning,error",
                "security.log => security",
                ";full => notice,dtmf,debug");
    assertThat(conf.run(new LoggerLevelsRule())).isEmpty();
  }

  @Test
  void aChannelInAnIncludedFileIsReportedThere() throws IOException {
    ConfFolder conf =
        new ConfFolder(dir)
            .file("logger.conf", "[logfiles]", "#include logger_local.conf")
            .file("logger_local.conf", "debug.log => debug");
    assertThat(conf.run(new LoggerLevelsRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().file()).isEqualTo(conf.path("logger_local.conf")));
  }
}

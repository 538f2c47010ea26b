package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.server.Engine;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CallCommandTest {

  @Test
  void scriptedCallAgainstARunningEngineMasksTheCardDigits() {
    EngineConfig config =
        EngineConfig.defaults()
            .withPort(0)
            .withMemory(CallMemoryPoolConfig.defaults().withSlots(2));
    try (Engine engine =
        Engine.start(
            config,
            SelfTestFlows.handlers(),
            new UnmutedRecordingControl(),
            new SimpleMeterRegistry())) {
      StringWriter out = new StringWriter();
      int status =
          TabulaCommand.commandLine()
              .setOut(new PrintWriter(out))
              .execute(
                  "call",
                  "selftest/echo",
                  "--port",
                  Integer.toString(engine.address().getPort()),
                  "--keys",
                  "4242424242424242#");

      assertThat(status).isZero();
      assertThat(out.toString())
          .contains(
              "Please key your card number",
              "keys: ****************#",
              "\u266a sixteen",
              "the engine hung up")
          .doesNotContain("4242");
    }
  }

  @Test
  void noEngineListeningSaysWhatToDo() {
    StringWriter out = new StringWriter();
    int status =
        TabulaCommand.commandLine()
            .setOut(new PrintWriter(out))
            .execute("call", "selftest/echo", "--port", "1", "--keys", "1");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("Start one with ./tabula serve");
  }

  @Test
  void aBadKeyTokenIsAPositionedErrorNotAStackTrace() {
    StringWriter err = new StringWriter();
    int status =
        TabulaCommand.commandLine()
            .setErr(new PrintWriter(err))
            .execute("call", "selftest/echo", "--port", "1", "--keys", "9876# 42x2#");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("tabula call: --keys, token 2 (column 9): 'x' is not a key; fix: write tokens")
        .doesNotContain("Exception")
        .doesNotContain("9876");
  }
}

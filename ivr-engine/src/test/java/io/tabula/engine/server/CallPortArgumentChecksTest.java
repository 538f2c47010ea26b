package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.Prompt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The call port refuses bad read-back digits and escape keys before anything reaches Asterisk. */
class CallPortArgumentChecksTest {

  private final List<String> refused = new CopyOnWriteArrayList<>();

  @Test
  void badDigitsAndEscapeKeysAreRefusedAndNothingOfThemIsSent() throws Exception {
    CallHandler handler =
        call -> {
          call.sayDigits("4711");
          refuse(call, port -> port.sayDigits(""));
          refuse(call, port -> port.sayDigits("12a"));
          refuse(call, port -> port.sayDigits("1".repeat(65)));
          call.sayDigits("1".repeat(64));
          refuse(call, port -> port.play(new Prompt("beep", ""), "1x"));
          call.play(new Prompt("beep", ""), "0123456789*#ABCD");
          call.hangup();
        };
    try (Engine engine = TestEngines.start(2, (tenant, flow) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "test/checks", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);

      assertThat(refused)
          .containsExactly(
              "sayDigits takes 1..64 digits 0-9",
              "sayDigits takes 1..64 digits 0-9",
              "sayDigits takes 1..64 digits 0-9",
              "escape keys are DTMF keys 0-9 * # A-D");
      assertThat(report.heard())
          .contains(
              new Heard(Heard.Kind.DIGITS, "4711", "four seven one one"),
              new Heard(Heard.Kind.DIGITS, "1".repeat(64), "one" + " one".repeat(63)));
      assertThat(report.heard()).noneMatch(h -> h.what().contains("12a"));
      assertThat(report.prompts()).containsExactly("beep");
    }
  }

  private void refuse(CallPort call, Consumer<CallPort> step) {
    try {
      step.accept(call);
    } catch (IllegalArgumentException e) {
      refused.add(e.getMessage());
    }
  }
}

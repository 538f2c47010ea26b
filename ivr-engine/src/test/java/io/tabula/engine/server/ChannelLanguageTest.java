package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.NumberGender;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The call port over AGI sets the channel's language with {@code SET VARIABLE CHANNEL(language)}
 * (checked on Asterisk 22.10.1: {@code GET VARIABLE CHANNEL(language)} then answers {@code es} and
 * SAY plays {@code sounds/es}), says a number's gender, and says a date with {@code SAY DATETIME}
 * in UTC in the language's format: what the softphone shows is Asterisk's words.
 */
class ChannelLanguageTest {

  @Test
  void theChannelLanguageDecidesHowNumbersAndDatesAreSaid() throws Exception {
    List<String> languages = new CopyOnWriteArrayList<>();
    CallHandler handler =
        call -> {
          call.sayNumber(45);
          call.setLanguage("es");
          languages.add(call.variable("CHANNEL(language)").orElse(""));
          call.sayNumber(1, NumberGender.MASCULINE);
          call.sayDate(LocalDate.of(2026, 12, 15));
          call.hangup();
        };
    try (Engine engine = TestEngines.start(2, (tenant, flow) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "test/language", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);

      assertThat(languages).containsExactly("es");
      assertThat(report.heard())
          .filteredOn(h -> h.kind() != Heard.Kind.HANGUP_BY_ENGINE)
          .extracting(Heard::words)
          .containsExactly(
              "forty-five", "un", "el martes quince de diciembre de dos mil veintiséis");
      assertThat(report.heard())
          .contains(new Heard(Heard.Kind.DATE, "1797292800"), new Heard(Heard.Kind.NUMBER, "1"));
    }
  }
}

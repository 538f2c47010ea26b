package io.tabula.ops.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine command templates are split like a shell would, but never run by one. */
class SpeechEngineTest {

  @Test
  void quotesKeepSpacesInsideOneWordAndPlaceholdersStayWhole() {
    assertThat(
            SpeechEngine.words(
                "mytts --voice 'Anna (US)' --lang {lang}  --out \"{wav}\" {text-file}"))
        .containsExactly(
            "mytts", "--voice", "Anna (US)", "--lang", "{lang}", "--out", "{wav}", "{text-file}");
  }

  @Test
  void aTemplateWithoutAnOutputFileIsRefusedWithAnExample() {
    assertThatThrownBy(() -> SpeechEngine.command("mytts {text-file}", "mytts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{wav}");
  }

  @Test
  void theBuiltInEnginesNameTheirDebianPackagesAndLanguages() {
    SpeechEngine festival = BuiltInEngine.parse("festival").engine();
    assertThat(festival.needs())
        .extracting(SpeechEngine.Requirement::debianPackage)
        .containsExactly("festival", "festvox-us-slt-hts");
    assertThat(festival.speaks("en")).isTrue();
    assertThat(festival.speaks("es")).isFalse();
    assertThat(BuiltInEngine.parse("espeak-ng").engine().voiceFor("es")).isEqualTo("espeak-ng:es");
    assertThatThrownBy(() -> BuiltInEngine.parse("say"))
        .hasMessageContaining("festival, flite or espeak-ng");
    assertThat(
            new SpeechEngine(
                    "x",
                    List.of("x", "{wav}"),
                    List.of(),
                    List.of(new SpeechEngine.Requirement("no-such-command-here", "x-pkg")))
                .missingPackages())
        .contains("x-pkg");
  }
}

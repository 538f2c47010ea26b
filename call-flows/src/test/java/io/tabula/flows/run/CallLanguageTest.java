package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.CallMemoryPool;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call's language: from the channel ({@code agi_language}) when the flow has it, else the
 * flow's own; a language menu switches it, the channel's language first; amounts in it.
 */
class CallLanguageTest {

  private static final String FLOW =
      """
      flow: t
      tenant: city
      start: choose
      languages: [en, es]
      agent: {queue: q, key: "0"}
      prompts:
        choose:
          en: "For English, press 1."
          es: "Para español, oprima dos."
        fee-is:
          en: "The fee is"
          es: "La tarifa es de"
        bye:
          en: "Goodbye."
          es: "Adiós."
      steps:
        choose:
          language: {prompt: choose, options: {"1": en, "2": es}}
          next: fee
        fee:
          set: {name: fee, type: money, value: "%s"}
          next: tell
        tell:
          say: [fee-is, {amount: fee}]
          next: end
        end:
          hangup: {say: [bye]}
      """;

  private static List<String> call(String amount, String channelLanguage, String keys) {
    Flow flow =
        new FlowCompiler(ShippedFlows.catalog())
            .compile("t.yaml", FLOW.formatted(amount))
            .flow()
            .orElseThrow();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      return new FlowSimulator(pool, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK)
          .run(flow, KeySource.script(keys), new Transcript(), channelLanguage)
          .transcript();
    }
  }

  @Test
  void theLanguageMenuSaysEachChoiceInItsLanguageAndSwitchesTheCall() {
    assertThat(call("45.20", "en", "2"))
        .containsSubsequence(
            "IVR: For English, press 1.  [choose]",
            "IVR: Para español, oprima dos.  [choose]",
            "Caller: presses 2",
            "IVR: sets the call's language to es",
            "IVR: La tarifa es de  [fee-is]",
            "IVR: cuarenta y cinco  [number 45]",
            "IVR: dólares  [currency-usd-major]",
            "IVR: con  [and]",
            "IVR: veinte  [number 20]",
            "IVR: centavos  [currency-usd-minor]",
            "IVR: Adiós.  [bye]");
  }

  @Test
  void withoutAChoiceTheCallKeepsTheChannelsLanguage() {
    assertThat(call("1.01", "en", "-"))
        .containsSubsequence(
            "IVR: The fee is  [fee-is]",
            "IVR: one  [number 1]",
            "IVR: dollar  [currency-usd-major-one]",
            "IVR: and  [and]",
            "IVR: one  [number 1]",
            "IVR: cent  [currency-usd-minor-one]")
        .noneMatch(line -> line.contains("sets the call's language"));
  }

  @Test
  void aSpanishChannelIsAnsweredInSpanishAndAnUnknownOneInTheFlowsOwn() {
    List<String> mexican = call("1.00", "es_MX", "-");
    assertThat(mexican)
        .containsSubsequence(
            "IVR: sets the call's language to es",
            "IVR: un  [number 1]",
            "IVR: dólar  [currency-usd-major-one]");
    assertThat(call("3.00", "fr", "-"))
        .contains("IVR: sets the call's language to en", "IVR: three  [number 3]");
  }

  @Test
  void spanishOneHundredIsSaidWithTheRenderedCienBecauseDebianLacksDigits100() {
    assertThat(call("100.00", "es", "-"))
        .contains("IVR: cien  [number-100]", "IVR: dólares  [currency-usd-major]")
        .noneMatch(line -> line.contains("[number 100]"));
    assertThat(call("145.00", "es", "-")).contains("IVR: ciento cuarenta y cinco  [number 145]");
  }

  @Test
  void everyLanguageHasItsUnitsAndTheSpanishCienToRender() {
    Flow flow =
        new FlowCompiler(ShippedFlows.catalog())
            .compile("t.yaml", FLOW.formatted("1.00"))
            .flow()
            .orElseThrow();
    assertThat(FlowPrompts.texts(flow, "es"))
        .containsEntry("currency-usd-major", "dólares")
        .containsEntry("currency-usd-minor-one", "centavo")
        .containsEntry("and", "con")
        .containsEntry(BuiltInWords.CIEN, "cien");
    assertThat(FlowPrompts.texts(flow, "en"))
        .containsEntry("currency-usd-major-one", "dollar")
        .doesNotContainKey(BuiltInWords.CIEN);
  }
}

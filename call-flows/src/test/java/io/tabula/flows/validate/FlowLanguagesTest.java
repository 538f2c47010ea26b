package io.tabula.flows.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flow's languages: the YAML shapes, the default, and each missing translation named. */
class FlowLanguagesTest {

  private static final String TWO_LANGUAGES =
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
        bye:
          en: "Goodbye."
          es: "Adiós."
      steps:
        choose:
          language: {prompt: choose, options: {"1": en, "2": es}}
          next: end
        end:
          hangup: {say: [bye]}
      """;

  private static FlowCompiler.Compiled compile(String yaml) {
    return new FlowCompiler(ShippedFlows.catalog()).compile("t.yaml", yaml);
  }

  private static List<String> problems(String yaml) {
    return compile(yaml).problems().stream().map(Diagnostic::render).toList();
  }

  @Test
  void aFlowWithoutLanguagesIsEnglishAndKeepsOneLinePerPrompt() {
    Flow flow =
        compile(
                """
                flow: t
                tenant: city
                start: end
                agent: {queue: q}
                prompts:
                  bye: "Goodbye."
                steps:
                  end:
                    hangup: {say: [bye]}
                """)
            .flow()
            .orElseThrow();
    assertThat(flow.languages()).containsExactly("en");
    assertThat(flow.promptText("bye")).isEqualTo("Goodbye.");
  }

  @Test
  void everyPromptHasItsWordsInEachLanguage() {
    Flow flow = compile(TWO_LANGUAGES).flow().orElseThrow();
    assertThat(flow.languages()).containsExactly("en", "es");
    assertThat(flow.promptText("bye", "es")).isEqualTo("Adiós.");
    assertThat(flow.prompts("es")).containsEntry("choose", "Para español, oprima dos.");
  }

  @Test
  void eachMissingTranslationIsNamedOnceAtItsPrompt() {
    String missing = TWO_LANGUAGES.replace("    es: \"Adiós.\"\n", "");
    assertThat(problems(missing))
        .containsExactly(
            "t.yaml:10:3: error: prompt 'bye' has no es text (the flow's languages are en, es);"
                + " fix: add 'es: \"<what it says>\"' under 'bye' in prompts");
    // One text alone is the first language's: the others are missing.
    String oneLine =
        TWO_LANGUAGES.replace(
            "  bye:\n    en: \"Goodbye.\"\n    es: \"Adiós.\"", "  bye: \"Goodbye.\"");
    assertThat(problems(oneLine))
        .singleElement()
        .asString()
        .contains("prompt 'bye' has no es text");
  }

  @Test
  void wordsInALanguageTheFlowDoesNotDeclareAreAnError() {
    String french =
        TWO_LANGUAGES.replace("    es: \"Adiós.\"", "    es: \"Adiós.\"\n    fr: \"Au revoir.\"");
    assertThat(problems(french))
        .singleElement()
        .asString()
        .contains("prompt 'bye' has words in 'fr', which is not a language of the flow")
        .contains("add it to 'languages'");
  }

  @Test
  void aLanguageMenuOffersOnlyTheFlowsLanguagesAndNotTheAgentKey() {
    assertThat(problems(TWO_LANGUAGES.replace("\"2\": es", "\"2\": fr")))
        .singleElement()
        .asString()
        .contains("'fr' is not one of the flow's languages");
    assertThat(problems(TWO_LANGUAGES.replace("\"2\": es", "\"0\": es")))
        .singleElement()
        .asString()
        .contains("key 0 is the agent key");
    assertThat(problems(TWO_LANGUAGES.replace("languages: [en, es]", "languages: [en, en]")))
        .anySatisfy(p -> assertThat(p).contains("language 'en' is listed twice"));
  }
}

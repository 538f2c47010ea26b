package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.store.ShippedFlowFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt table's edits change exactly one value of the YAML and keep everything else. */
class PromptEditTest {

  private static final String PARKING =
      ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();

  private static Flow parse(String yaml) {
    return FlowParser.parse("draft.yaml", yaml).flow().orElseThrow();
  }

  /** The lines of {@code after} that differ from {@code before}'s (same line count assumed). */
  private static List<String> changedLines(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    assertThat(b).hasSameSizeAs(a);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        changed.add(b.get(i));
      }
    }
    return changed;
  }

  @Test
  void aTranslationIsReplacedOnItsLineAndNothingElseChanges() throws Exception {
    String edited = PromptEdit.set(PARKING, "goodbye", "es", "Adiós y gracias.");

    assertThat(changedLines(PARKING, edited)).containsExactly("    es: \"Adiós y gracias.\"");
    assertThat(parse(edited).promptText("goodbye", "es")).isEqualTo("Adiós y gracias.");
    assertThat(edited).contains("# the first is the flow's own; agi_language picks another");
  }

  @Test
  void aMissingTranslationIsAddedUnderThePromptsOtherLines() throws Exception {
    String without =
        PARKING.replace(
            "    es: \"Ese no es un número de multa válido.\"\n", "    # Spanish to come\n");
    assertThat(parse(without).promptText("ticket-invalid", "es")).isEmpty();

    String edited = PromptEdit.set(without, "ticket-invalid", "es", "Número no válido.");

    assertThat(edited)
        .contains(
            "  ticket-invalid:\n"
                + "    en: \"That is not a valid ticket number.\"\n"
                + "    es: \"Número no válido.\"\n"
                + "    # Spanish to come\n");
    assertThat(parse(edited).promptText("ticket-invalid", "es")).isEqualTo("Número no válido.");
  }

  @Test
  void aOneLanguagePromptBecomesOneLinePerLanguage() throws Exception {
    String oneLine =
        PARKING.replace(
            "  is:\n    en: \"is\"\n    es: \"es de\"\n", "  is: \"is\"   # joins two sayings\n");

    String edited = PromptEdit.set(oneLine, "is", "es", "es de");

    assertThat(edited).contains("  is:\n    en: \"is\"\n    es: \"es de\"   # joins two sayings\n");
    assertThat(parse(edited).translations().get("is")).containsEntry("en", "is");
  }

  @Test
  void theFlowsOwnLanguageOfAOneLanguagePromptIsReplacedInPlace() throws Exception {
    String oneLine = PARKING.replace("  is:\n    en: \"is\"\n    es: \"es de\"\n", "  is: is\n");

    String edited = PromptEdit.set(oneLine, "is", "en", "equals");

    assertThat(changedLines(oneLine, edited)).containsExactly("  is: \"equals\"");
  }

  @Test
  void hostileWordsAreQuotedSoTheyStayOneValue() throws Exception {
    String hostile = "He said \"pay\" \\ now: #1 {x} [y] <script>alert(1)</script>\n- z\u2028w";

    String edited = PromptEdit.set(PARKING, "goodbye", "en", hostile);

    assertThat(parse(edited).promptText("goodbye", "en")).isEqualTo(hostile);
    assertThat(changedLines(PARKING, edited)).hasSize(1);
    assertThat(parse(edited).prompts().keySet()).isEqualTo(parse(PARKING).prompts().keySet());
  }

  @Test
  void anyWordsEndUpExactlyAsTypedOrAreRefusedNeverAnotherValue() throws Exception {
    java.util.Random random = new java.util.Random(19);
    int[] alphabet = {
      'a', ' ', '"', '\'', '\\', ':', '#', '-', '{', '}', '[', ']', '&', '*', '!', '|', '>', '%',
      '@', '`', '\n', '\t', '\r', 0x85, 0x2028, 0xfeff, 0xe9, 0x1F600, 0x7f, 0x01
    };
    for (int run = 0; run < 300; run++) {
      StringBuilder words = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        words.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
      }
      String language = random.nextBoolean() ? "en" : "es";
      String edited;
      try {
        edited = PromptEdit.set(PARKING, "goodbye", language, words.toString());
      } catch (PromptEdit.Refused e) {
        continue;
      }
      assertThat(parse(edited).promptText("goodbye", language))
          .as("words %s", words.codePoints().boxed().toList())
          .isEqualTo(words.toString().trim());
      assertThat(changedLines(PARKING, edited)).as("one line, for %s", words).hasSize(1);
    }
  }

  @Test
  void positionsAfterCharactersOutsideTheBasicPlaneAreRight() throws Exception {
    String withEmoji =
        PARKING.replace("# Pay a parking ticket", "# \uD83C\uDD7F\uFE0F Pay a ticket");

    String edited = PromptEdit.set(withEmoji, "welcome", "es", "Hola.");

    assertThat(changedLines(withEmoji, edited)).containsExactly("    es: \"Hola.\"");
  }

  @Test
  void aFlowStyleTranslationMapGetsTheMissingLanguageInside() throws Exception {
    String flowStyle =
        PARKING.replace("  is:\n    en: \"is\"\n    es: \"es de\"\n", "  is: {en: \"is\"}\n");

    String edited = PromptEdit.set(flowStyle, "is", "es", "es de");

    assertThat(edited).contains("  is: {en: \"is\", es: \"es de\"}\n");
  }

  @Test
  void anUnknownPromptOrLanguageOrBrokenYamlIsRefusedSayingWhatToDo() {
    assertThatThrownBy(() -> PromptEdit.set(PARKING, "nope", "en", "x"))
        .isInstanceOf(PromptEdit.Refused.class)
        .hasMessageContaining("no prompt 'nope'");
    assertThatThrownBy(() -> PromptEdit.set(PARKING, "welcome", "fr", "x"))
        .isInstanceOf(PromptEdit.Refused.class)
        .hasMessageContaining("add it to 'languages'");
    assertThatThrownBy(() -> PromptEdit.set(PARKING + "\n  : [", "welcome", "en", "x"))
        .isInstanceOf(PromptEdit.Refused.class)
        .hasMessageContaining("fix the error");
  }

  @Test
  void aBlockScalarIsLeftToTheYaml() {
    String block = PARKING.replace("    es: \"es de\"\n", "    es: >\n      es de\n");

    assertThatThrownBy(() -> PromptEdit.set(block, "is", "es", "es"))
        .isInstanceOf(PromptEdit.Refused.class)
        .hasMessageContaining("change them in the YAML");
  }
}

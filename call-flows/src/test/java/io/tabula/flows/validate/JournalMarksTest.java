package io.tabula.flows.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.JournalMode;
import io.tabula.flows.model.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code journal:} marks of collect and lookup steps, and what the validator refuses. */
class JournalMarksTest {

  private static final String BASE =
      """
      flow: t
      tenant: city
      start: ask
      agent: {queue: q, key: "0"}
      prompts:
        p: "Enter digits."
        bye: "Goodbye."
      steps:
        ask:
          collect: {field: num, kind: digits, prompt: p, max_digits: 8, journal: encrypt}
          next: look
          on_failure: end
        look:
          lookup: {connector: city-parking, name: ticket, inputs: {ticket: num}, outputs: {balance: money, due_date: date}, journal: {balance: encrypt}}
          on_found: tell
          on_not_found: end
          on_error: end
        tell:
          say: [p, {amount: balance}]
          next: end
        end:
          hangup: {say: [bye]}
      """;

  private static List<String> problems(String yaml) {
    return new FlowCompiler(ShippedFlows.catalog())
        .compile("t.yaml", yaml).problems().stream().map(Diagnostic::render).toList();
  }

  private static Flow flow(String yaml) {
    return new FlowCompiler(ShippedFlows.catalog()).compile("t.yaml", yaml).flow().orElseThrow();
  }

  @Test
  void marksAreReadIntoTheSteps() {
    Flow flow = flow(BASE);
    assertThat(((Step.Collect) flow.steps().get("ask")).journal()).isEqualTo(JournalMode.ENCRYPT);
    assertThat(((Step.Lookup) flow.steps().get("look")).journal())
        .isEqualTo(Map.of("balance", JournalMode.ENCRYPT));
  }

  @Test
  void withoutAMarkNothingIsJournaled() {
    Flow flow =
        flow(BASE.replace(", journal: encrypt}", "}").replace(", journal: {balance: encrypt}", ""));
    assertThat(((Step.Collect) flow.steps().get("ask")).journal()).isEqualTo(JournalMode.BLOCK);
    assertThat(((Step.Lookup) flow.steps().get("look")).journal()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"card", "expiry", "cvc", "pin"})
  void cardFieldsAndPinsCannotBeJournaled(String kind) {
    String yaml =
        BASE.replace("kind: digits, prompt: p, max_digits: 8", "kind: " + kind + ", prompt: p")
            .replace("inputs: {ticket: num}", "inputs: {ticket: num.last_four}");
    assertThat(problems(yaml))
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .contains("error: a " + kind + " field is never journaled")
                    .contains("fix: remove 'journal: encrypt'"));
  }

  @Test
  void blockIsAllowedOnACardField() {
    String yaml =
        BASE.replace(
                "kind: digits, prompt: p, max_digits: 8, journal: encrypt",
                "kind: card, prompt: p, journal: block")
            .replace("inputs: {ticket: num}", "inputs: {ticket: num.last_four}");
    assertThat(problems(yaml)).noneMatch(problem -> problem.contains("journal"));
  }

  @Test
  void anUnknownModeOrOutputIsRefused() {
    assertThat(problems(BASE.replace("journal: encrypt}", "journal: clear}")))
        .containsExactly(
            "t.yaml:10:76: error: 'clear' is not a known journal; fix: use one of block, encrypt");
    assertThat(problems(BASE.replace("journal: {balance: encrypt}", "journal: {balanse: encrypt}")))
        .singleElement()
        .asString()
        .contains(
            "'balanse' is not an output of the lookup of step 'look' (did you mean 'balance'?)");
    assertThat(problems(BASE.replace("journal: {balance: encrypt}", "journal: {balance: keep}")))
        .singleElement()
        .asString()
        .contains("'keep' is not a journal mode; fix: use encrypt or block");
  }

  @Test
  void theShippedFlowsJournalTheirTicketAndAccountNumbers() throws Exception {
    FlowCompiler compiler = new FlowCompiler(ShippedFlows.catalog());
    Flow parking =
        compiler.compile(ShippedFlows.file("city/parking-ticket.yaml")).flow().orElseThrow();
    Flow bill =
        compiler.compile(ShippedFlows.file("utility/bill-payment.yaml")).flow().orElseThrow();
    assertThat(((Step.Collect) parking.steps().get("ask-ticket")).journal())
        .isEqualTo(JournalMode.ENCRYPT);
    assertThat(((Step.Collect) bill.steps().get("ask-account")).journal())
        .isEqualTo(JournalMode.ENCRYPT);
    assertThat(bill.steps().values())
        .filteredOn(Step.Collect.class::isInstance)
        .map(Step.Collect.class::cast)
        .filteredOn(c -> c.kind().alwaysSecure())
        .allSatisfy(c -> assertThat(c.journal()).isEqualTo(JournalMode.BLOCK));
  }
}

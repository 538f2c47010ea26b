package io.tabula.flows.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.model.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per validator rule, each with the exact message and position. */
class ValidatorRulesTest {

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
          collect: {field: num, kind: digits, prompt: p, max_digits: 4}
          next: look
          on_failure: end
        look:
          lookup: {connector: city-parking, name: ticket, inputs: {ticket: num}, outputs: {balance: money}}
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

  @Test
  void theBaseFlowIsValid() {
    assertThat(problems(BASE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml"})
  void shippedFlowsAreValid(String file) throws Exception {
    assertThat(new FlowCompiler(ShippedFlows.catalog()).compile(ShippedFlows.file(file)).problems())
        .isEmpty();
  }

  @Test
  void aShapeErrorDoesNotHideTheReferenceErrors() {
    String three =
        BASE.replace("max_digits: 4}", "max_digits: 4, colour: blue}")
            .replace("next: look", "next: lok")
            .replace("say: [p, {amount: balance}]", "say: [pp, {amount: balance}]");

    List<String> problems = problems(three);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("t.yaml:10:").contains("unknown key 'colour'");
    assertThat(problems.get(1)).startsWith("t.yaml:11:").contains("'lok' does not exist");
    assertThat(problems.get(2)).startsWith("t.yaml:19:").contains("'pp'");
    assertThat(new FlowCompiler(ShippedFlows.catalog()).compile("t.yaml", three).flow()).isEmpty();
  }

  @Test
  void aStepThatCouldNotBeBuiltReportsOnlyItsOwnProblem() {
    // Checking references against a flow missing that step would report 'end' as missing too.
    String broken = BASE.replace("hangup: {say: [bye]}", "hangup: [bye]");

    assertThat(problems(broken)).hasSize(1);
  }

  @Test
  void unknownStepName() {
    assertThat(problems(BASE.replace("next: look", "next: lok")))
        .containsExactly(
            "t.yaml:11:11: error: step 'lok' does not exist (did you mean 'look'?); fix: use the name of a step under 'steps', or add that step");
  }

  @Test
  void unreachableStep() {
    assertThat(problems(BASE + "  lost:\n    goto: end\n"))
        .containsExactly(
            "t.yaml:23:3: error: step 'lost' is unreachable; fix: go to it from another step, or delete it");
  }

  @Test
  void loopThatNeverWaitsForTheCaller() {
    assertThat(
            problems(
                BASE.replace("next: end\n  end:", "next: again\n  again:\n    goto: tell\n  end:")
                    .replace("on_not_found: end", "on_not_found: end\n")))
        .containsExactly(
            "t.yaml:19:3: error: steps tell -> again -> tell loop without waiting for the caller; fix: put a menu or collect in the loop, or leave it on some path");
  }

  @Test
  void secureFieldSpoken() {
    String yaml =
        BASE.replace("kind: digits, prompt: p, max_digits: 4", "kind: card, prompt: p")
            .replace("{amount: balance}", "{digits: num}")
            .replace("inputs: {ticket: num}", "inputs: {ticket: num}");
    assertThat(problems(yaml))
        .containsExactly(
            "t.yaml:19:23: error: secure field 'num' cannot be spoken; fix: use num.last_four, num.brand or num.valid");
  }

  @Test
  void secureFieldBranchedOn() {
    String yaml =
        BASE.replace("kind: digits, prompt: p, max_digits: 4", "kind: pin, prompt: p")
            .replace(
                "    say: [p, {amount: balance}]\n    next: end",
                "    branch:\n      - {value: num, equals: 1234, next: end}\n    otherwise: end");
    assertThat(problems(yaml))
        .containsExactly(
            "t.yaml:20:17: error: secure field 'num' cannot be branched on; fix: use num.valid");
  }

  @Test
  void secureCannotBeTurnedOff() {
    assertThat(
            problems(
                BASE.replace(
                    "kind: digits, prompt: p, max_digits: 4",
                    "kind: cvc, secure: false, prompt: p")))
        .containsExactly(
            "t.yaml:10:46: error: a cvc field is always secure; 'secure: false' cannot turn that off; fix: remove 'secure: false'");
  }

  @Test
  void promptWithoutText() {
    assertThat(problems(BASE.replace("bye: \"Goodbye.\"", "bye: \"\"")))
        .containsExactly(
            "t.yaml:7:3: error: prompt 'bye' has no text; fix: write what the recording says after 'bye:'");
    assertThat(problems(BASE.replace("say: [bye]", "say: [by]")))
        .containsExactly(
            "t.yaml:22:20: error: prompt 'by' has no text (did you mean 'bye'?); fix: add 'by: \"<what it says>\"' under 'prompts'");
  }

  @Test
  void lookupOutputUsedBeforeItExists() {
    assertThat(problems(BASE.replace("on_not_found: end", "on_not_found: tell")))
        .containsExactly(
            "t.yaml:19:23: error: 'balance' is used before it exists on every path to this step; fix: make sure every path here first collects, looks up or sets 'balance'");
  }

  @Test
  void missingAgentPath() {
    assertThat(problems(BASE.replace("agent: {queue: q, key: \"0\"}\n", "")))
        .containsExactly(
            "t.yaml:1:1: error: the flow has no agent path, so a caller can never reach a person; fix: add 'agent: {queue: <queue>, key: \"0\"}'");
  }

  @Test
  void unknownConnector() {
    assertThat(problems(BASE.replace("connector: city-parking", "connector: city-parkng")))
        .containsExactly(
            "t.yaml:14:25: error: unknown lookup connector 'city-parkng' (did you mean 'city-parking'?); fix: use one of city-parking, utility-billing, or configure the connector");
  }

  @Test
  void typeError() {
    assertThat(problems(BASE.replace("{amount: balance}", "{date: balance}")))
        .containsExactly(
            "t.yaml:19:21: error: type error: 'balance' is money and cannot be spoken as date; fix: speak money values as amount");
  }

  @Test
  void unknownKeyWithSpellingHint() {
    assertThat(problems(BASE.replace("max_digits: 4", "max_digit: 4")))
        .containsExactly(
            "t.yaml:10:52: error: unknown key 'max_digit' in the collect of step 'ask' (did you mean 'max_digits'?); fix: use one of field, kind, secure, prompt, min_digits, max_digits, terminator, first_digit_timeout, inter_digit_timeout, attempts, invalid_prompt, no_input_prompt, validate, journal");
  }

  @Test
  void theAgentKeyCannotBeAMenuOption() {
    String yaml =
        BASE.replace(
            "    say: [p, {amount: balance}]\n    next: end",
            "    menu: {prompt: p, options: {\"0\": end, \"1\": end}}\n    on_failure: end");
    assertThat(problems(yaml))
        .containsExactly(
            "t.yaml:19:38: error: key 0 is the agent key, so this option can never be chosen; fix: use another key, or set 'agent: false' on this step");
  }

  @Test
  void payNeedsCardFieldsOfTheRightKind() {
    String yaml =
        BASE.replace(
            "    say: [p, {amount: balance}]\n    next: end",
            "    pay: {connector: city-pay, amount: balance, card: num, expiry: num, cvc: num}\n    on_approved: end\n    on_declined: end\n    on_unknown: end\n    on_error: end");
    assertThat(problems(yaml))
        .containsExactly(
            "t.yaml:19:55: error: type error: 'num' is not a collected card field; fix: name a field collected with kind: card",
            "t.yaml:19:68: error: type error: 'num' is not a collected expiry field; fix: name a field collected with kind: expiry",
            "t.yaml:19:78: error: type error: 'num' is not a collected cvc field; fix: name a field collected with kind: cvc");
  }

  @Test
  void aKeyGivenTwice() {
    assertThat(problems(BASE.replace("start: ask\n", "start: ask\nstart: ask\n")))
        .containsExactly("t.yaml:4:1: error: 'start' is given twice; fix: keep one of them");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        BASE.replace("agent: {queue: q, key: \"0\"}\n", "")
            .replace("{amount: balance}", "{date: balance}")
            .replace("say: [bye]", "say: [by]");
    assertThat(problems(yaml)).hasSize(3);
  }

  @Test
  void yamlSyntaxErrorHasAPosition() {
    assertThat(problems("flow: t\nsteps:\n  a: [unclosed\n"))
        .singleElement()
        .asString()
        .startsWith("t.yaml:4:1: error: this is not valid YAML");
  }
}

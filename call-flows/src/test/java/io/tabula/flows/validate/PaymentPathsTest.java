package io.tabula.flows.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.model.Diagnostic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validator's payment rules: timeout against the send budget, and where the branches lead. */
class PaymentPathsTest {

  private static final String FLOW =
      """
      flow: t
      tenant: city
      start: card
      currency: USD
      agent: {queue: q, key: "0"}
      prompts:
        p: "Enter."
        bye: "Goodbye."
      steps:
        card:
          collect: {field: card, kind: card, prompt: p}
          next: expiry
          on_failure: end
        expiry:
          collect: {field: expiry, kind: expiry, prompt: p}
          next: cvc
          on_failure: end
        cvc:
          collect: {field: cvc, kind: cvc, prompt: p}
          next: fee
          on_failure: end
        fee:
          set: {name: fee, type: money, value: "2.50"}
          next: pay
        pay:
          pay: {connector: city-pay, amount: fee, card: card, expiry: expiry, cvc: cvc, timeout: 2m}
          on_approved: end
          on_declined: end
          on_unknown: unknown
          on_error: end
        unknown:
          say: [p, {digits: payment.check_code}]
          next: end
        end:
          hangup: {say: [bye]}
      """;

  private static final ConnectorCatalog CATALOG =
      new ConnectorCatalog(
          Set.of(),
          Set.of("city-pay"),
          Map.of("city-pay", Duration.ofSeconds(180).plusMillis(750)));

  private static FlowCompiler.Compiled compile(String yaml) {
    return new FlowCompiler(CATALOG).compile("t.yaml", yaml);
  }

  private static List<String> problems(String yaml) {
    return compile(yaml).problems().stream().map(Diagnostic::render).toList();
  }

  @Test
  void aTimeoutShorterThanTheConnectorsSendBudgetIsAnError() {
    assertThat(problems(FLOW))
        .containsExactly(
            "t.yaml:25:3: error: the timeout of step 'pay' (PT2M) is shorter than the send budget of"
                + " connector 'city-pay' (PT3M0.75S), so the step would give up on a charge that is"
                + " still running; fix: set 'timeout' of the pay to at least 181s, or lower the"
                + " tenant's payment responseTimeout");
    assertThat(problems(FLOW.replace("timeout: 2m", "timeout: 181s"))).isEmpty();
  }

  @Test
  void withoutATimeoutThePayStepWaitsLongerThanTheDefaultGatewayBudget() {
    assertThat(problems(FLOW.replace(", timeout: 2m", ""))).isEmpty();
  }

  @Test
  void aPayStepWithoutAnUnknownBranchIsAnError() {
    assertThat(
            problems(
                FLOW.replace("    on_unknown: unknown\n", "")
                    .replace("timeout: 2m", "timeout: 4m")))
        .anyMatch(
            line ->
                line.startsWith("t.yaml:25:3: error: step 'pay' has no 'on_unknown'")
                    && line.contains("fix: add 'on_unknown: <step>'"));
  }

  @Test
  void anUnknownBranchThatLeadsBackToThePayStepIsAnError() {
    String yaml =
        FLOW.replace("timeout: 2m", "timeout: 4m")
            .replace("    next: end\n  end:", "    next: card\n  end:");
    assertThat(problems(yaml))
        .singleElement()
        .asString()
        .startsWith("t.yaml:29:17: error: a path leads from on_unknown of step 'pay' back to it");
  }

  @Test
  void anErrorBranchThatLeadsBackToThePayStepIsAWarningAndTheFlowStillCompiles() {
    String yaml =
        FLOW.replace("timeout: 2m", "timeout: 4m")
            .replace("    on_error: end\n", "    on_error: card\n");
    FlowCompiler.Compiled compiled = compile(yaml);
    assertThat(compiled.ok()).isTrue();
    assertThat(compiled.problems())
        .singleElement()
        .extracting(Diagnostic::render)
        .asString()
        .startsWith("t.yaml:30:15: warning: a path leads from on_error of step 'pay' back to it");
  }
}

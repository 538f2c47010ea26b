package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Ref;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.validate.FlowCompiler;
import org.junit.jupiter.api.Test;

/** The call's non-secret values, kept as name, value pairs in one small array. */
class CallValuesTest {

  private static final String FLOW =
      """
      flow: t
      tenant: city
      start: fee
      agent: {queue: q, key: "0"}
      prompts:
        bye: "Goodbye."
      steps:
        fee:
          set: {name: fee, type: text, value: "x"}
          next: end
        end:
          hangup: {say: [bye]}
      """;

  private final CallValues values = new CallValues(new SharedFlow(flow()), null);

  @Test
  void aValueIsFoundByNameAndReplacedWhenSetAgain() {
    values.put("fee", new Value.Text("12"));
    values.put("fee", new Value.Text("13"));

    assertThat(values.resolve(ref("fee"))).isEqualTo(new Value.Text("13"));
  }

  @Test
  void manyValuesGrowTheArrayAndRemovingOneKeepsTheOthers() {
    for (int i = 0; i < 20; i++) {
      values.put("v" + i, new Value.Text(Integer.toString(i)));
    }
    values.remove("v0");
    values.remove("v7");
    values.remove("absent");

    for (int i = 1; i < 20; i++) {
      if (i != 7) {
        assertThat(values.resolve(ref("v" + i))).isEqualTo(new Value.Text(Integer.toString(i)));
      }
    }
    assertThatThrownBy(() -> values.resolve(ref("v0"))).hasMessageContaining("does not exist yet");
    assertThatThrownBy(() -> values.resolve(ref("v7"))).hasMessageContaining("does not exist yet");
    values.put("v7", new Value.Text("again"));
    assertThat(values.resolve(ref("v7"))).isEqualTo(new Value.Text("again"));
  }

  @Test
  void aCallWithNoValuesAnswersThatNoneExists() {
    assertThatThrownBy(() -> values.resolve(ref("fee")))
        .isInstanceOf(FlowFailure.class)
        .hasMessageContaining("value 'fee' does not exist yet");
    values.remove("fee");
  }

  private static Ref ref(String name) {
    return new Ref(name, "", new SourcePos("t.yaml", 1, 1));
  }

  private static Flow flow() {
    return new FlowCompiler(ShippedFlows.catalog()).compile("t.yaml", FLOW).flow().orElseThrow();
  }
}

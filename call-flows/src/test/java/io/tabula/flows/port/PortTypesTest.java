package io.tabula.flows.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortTypesTest {

  @Test
  void keyPressAcceptsOnlyDtmfKeys() {
    assertThat(new KeyPress('7').pressed()).isTrue();
    assertThat(KeyPress.NONE.pressed()).isFalse();
    assertThatThrownBy(() -> new KeyPress('x')).hasMessage("not a DTMF key");
  }

  @Test
  void promptIdsAreSoundFileNames() {
    assertThat(new Prompt("tabula/welcome", null).text()).isEmpty();
    assertThatThrownBy(() -> new Prompt("two words", "x")).hasMessageContaining("without spaces");
  }

  @Test
  void collectOptionsRefuseNonsense() {
    assertThatThrownBy(
            () -> new CollectOptions(0, Duration.ofSeconds(5), Duration.ofSeconds(3), true))
        .hasMessageContaining("maxDigits");
    assertThatThrownBy(() -> new CollectOptions(4, Duration.ZERO, Duration.ofSeconds(3), true))
        .hasMessageContaining("positive");
  }

  @Test
  void callInfoKeepsItsOwnCopyOfTheArguments() {
    List<String> arguments = new ArrayList<>(List.of("one"));
    CallInfo info =
        new CallInfo(
            new CallId("0123456789abcdef0123456789abcdef"),
            "1.2",
            "city",
            "parking",
            "Local/x;2",
            "",
            "en",
            arguments);
    arguments.add("two");

    assertThat(info.arguments()).containsExactly("one");
  }

  @Test
  void callIdsAre128RandomBitsAndNeverRepeat() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(CallId.random(random).hex());
    }
    assertThat(seen).hasSize(10_000).allMatch(hex -> hex.matches("[0-9a-f]{32}"));
    assertThatThrownBy(() -> new CallId("1732350000.42")).hasMessageContaining("128 bits");
  }

  @Test
  void callEndedCarriesOnlyTheReason() {
    CallEndedException ended = new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP);

    assertThat(ended).hasMessage("call ended: CALLER_HUNG_UP");
    assertThat(ended.getStackTrace()).isEmpty();
  }
}

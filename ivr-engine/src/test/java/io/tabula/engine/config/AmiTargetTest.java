package io.tabula.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmiTargetTest {

  @Test
  void aListOfHostsWithAndWithoutPorts() {
    assertThat(AmiTarget.parse(" pbx1.example , pbx2.example:5039,[2001:db8::5]:5040,[::1]", 5038))
        .containsExactly(
            new AmiTarget("pbx1.example", "pbx1.example", 5038),
            new AmiTarget("pbx2.example", "pbx2.example", 5039),
            new AmiTarget("2001:db8::5", "2001:db8::5", 5040),
            new AmiTarget("::1", "::1", 5038));
  }

  @Test
  void emptyMeansNoAsterisk() {
    assertThat(AmiTarget.parse("", 5038)).isEmpty();
    assertThat(new AmiSettings(" ", 5038, "tabula", "").configured()).isFalse();
  }

  @Test
  void theSameHostTwiceIsNamedByPortAndTheSameEntryTwiceIsRefused() {
    assertThat(AmiTarget.parse("pbx:5038,pbx:5039", 5038))
        .extracting(AmiTarget::name)
        .containsExactly("pbx", "pbx:5039");
    assertThatThrownBy(() -> AmiTarget.parse("pbx:5039,pbx:5039,pbx:5039", 5038))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void badPortsAndBracketsSayHowToWriteThem() {
    assertThatThrownBy(() -> new AmiSettings("pbx:manager", 5038, "tabula", ""))
        .hasMessageContaining("host:5038");
    assertThatThrownBy(() -> AmiTarget.parse("pbx:70000", 5038)).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> AmiTarget.parse("[2001:db8::5", 5038))
        .hasMessageContaining("[2001:db8::5]:5038");
  }

  @Test
  void eachAsteriskCanHaveItsOwnSecretFile() {
    AmiTarget target = AmiTarget.parse("pbx2.example:5039", 5038).getFirst();
    assertThat(target.secretFile("/run/secrets/ami-{host}"))
        .isEqualTo("/run/secrets/ami-pbx2.example");
    assertThat(target.secretFile("/run/secrets/ami")).isEqualTo("/run/secrets/ami");
  }
}

package io.tabula.ops.asterisk.manager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionsTest {

  @ParameterizedTest(name = "read = {0} grants dtmf: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "call,system | false",
        "all | true",
        "dtmf | true",
        "call,dtmf | true",
        "'call, dtmf' | false", // Asterisk does not trim: ' dtmf' is no class
        "d,call | true", // a part that is not the last matches every class it begins
        "',call' | true", // ... and an empty part begins every class
        "DTMF | false", // class names are case-sensitive
        "call, | false",
        "none | false",
        "'' | false"
      })
  void readsClassesAsAsteriskDoes(String value, boolean dtmf) {
    assertThat(Permissions.parse(value).has(Permissions.DTMF)).isEqualTo(dtmf);
  }

  @ParameterizedTest(name = "write = {0} may mute: {1}")
  @CsvSource(
      delimiter = '|',
      value = {"call | true", "system | true", "all | true", "originate | false", "'' | false"})
  void muteNeedsCallOrSystem(String value, boolean mute) {
    assertThat(Permissions.parse(value).has(Permissions.CALL | Permissions.SYSTEM)).isEqualTo(mute);
  }
}

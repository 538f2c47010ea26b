package io.tabula.ops.asterisk.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFilterTest {

  private static final String DTMF_END =
      "Event: DTMFEnd\r\nPrivilege: dtmf,all\r\nChannel: PJSIP/carrier-00000001\r\nDigit: 4\r\n";
  private static final String HANGUP =
      "Event: Hangup\r\nPrivilege: call,all\r\nChannel: PJSIP/carrier-00000001\r\n";

  private static EventFilter filter(String criteria, String value) {
    EventFilter.Parsed parsed = EventFilter.parse(criteria, value);
    assertThat(parsed.refused()).as("refused").isEmpty();
    return parsed.filter().orElseThrow();
  }

  @Test
  void legacyFiltersSearchTheWholeEventAndBangExcludes() {
    EventFilter filter = filter("eventfilter", "!Event: DTMF*");
    assertThat(filter.exclude()).isTrue();
    assertThat(filter.matches("DTMFEnd", DTMF_END)).isTrue();
    assertThat(filter.matches("Hangup", HANGUP)).isFalse();
  }

  @Test
  void advancedFiltersMatchByNameHeaderAndMethod() {
    EventFilter byName = filter("eventfilter(action(exclude),name(DTMFEnd))", "");
    assertThat(byName.matches("DTMFEnd", DTMF_END)).isTrue();
    assertThat(byName.matches("dtmfend", DTMF_END)).isFalse();
    EventFilter byHeader =
        filter("eventfilter(action(include),header(Channel),method(starts_with))", "PJSIP/");
    assertThat(byHeader.exclude()).isFalse();
    assertThat(byHeader.matches("Hangup", HANGUP)).isTrue();
    EventFilter bangAdvanced =
        filter("eventfilter(name(VarSet),header(Channel),method(exact))", "!X");
    assertThat(bangAdvanced.exclude()).isTrue();
  }

  @Test
  void posixCharacterClassesWork() {
    EventFilter filter = filter("eventfilter", "!Digit: [[:digit:]]");
    assertThat(filter.matches("DTMFEnd", DTMF_END)).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "eventfilter | ''",
        "eventfilter | '!'",
        "eventfilter() | XXX",
        "eventfilter(action(inlude)) | ''",
        "eventfilter(nnnn(yyy)) | XXX",
        "eventfilter(method(yyy)) | XXX",
        "eventfilter(method(regex)) | 'XX[X'",
        "eventfilter | 'XX[X'",
        "eventfilter(name(VarSet),method(none)) | X",
        "eventfilter(action(exclude)) | ''"
      })
  void malformedFiltersAreRefusedAsAsteriskRefusesThem(String criteria, String value) {
    assertThat(EventFilter.parse(criteria, value).refused()).isPresent();
  }

  @Test
  void aUserWithIncludeAndExcludeFiltersGetsWhatIsIncludedAndNotExcluded() {
    ManagerUser user =
        new ManagerUser(
            "u",
            null,
            null,
            Permissions.parse("all"),
            Permissions.NONE,
            List.of(
                filter("eventfilter", "Channel: PJSIP/"),
                filter("eventfilter(action(exclude),name(DTMFEnd))", "")));
    assertThat(user.receives("Hangup", HANGUP)).isTrue();
    assertThat(user.receives("DTMFEnd", DTMF_END)).isFalse();
    assertThat(user.receives("Hangup", HANGUP.replace("PJSIP", "Local"))).isFalse();
  }
}

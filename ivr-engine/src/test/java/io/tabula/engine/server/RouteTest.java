package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTest {

  @Test
  void tenantAndFlowComeFromThePathWithoutQueryOrLeadingSlash() {
    assertThat(Route.parse("city/parking?lang=en")).contains(new Route("city", "parking"));
    assertThat(Route.parse("/water-co/pay_bill")).contains(new Route("water-co", "pay_bill"));
  }

  @Test
  void namesOfSixtyFourCharactersAreTheLongestAccepted() {
    String longest = "a".repeat(64);
    assertThat(Route.parse(longest + "/" + longest)).contains(new Route(longest, longest));
    assertThat(Route.parse(longest + "a/flow")).isEmpty();
    assertThat(Route.parse("city/" + longest + "a")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "city",
        "city/",
        "/parking",
        "city/parking/extra",
        "city//parking",
        "ci ty/parking",
        "city/park.ing",
        "../etc/passwd",
        "city/parkin\u00e9",
        "?city/parking"
      })
  void anythingElseIsNoRoute(String networkScript) {
    assertThat(Route.parse(networkScript)).isEmpty();
  }
}

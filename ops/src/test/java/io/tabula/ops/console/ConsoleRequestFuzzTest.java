package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.FlowNames;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.testing.TimeBound;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzzing of what the ops console reads from a request (docs/fuzzing.md), called
 * in-process as the handlers call it: the tenant and flow names of a path ({@link FlowRef}), the
 * softphone key of a path ({@link PhoneKey}), the version number of a rollback form or a redirect
 * query ({@link PublishPages#number}), the CSRF token of a form ({@link WebSecurity#csrfMatches})
 * and the YAML text of a draft ({@link DraftCheck}). Each input ends within a time bound with a
 * value or the typed refusal the handler turns into a 4xx, never another exception.
 */
class ConsoleRequestFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final DraftCheck CHECK =
      new DraftCheck(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC())));
  private static final Set<String> KEY_NAMES = Set.of("star", "pound", "silence", "hangup");

  @FuzzTest
  void parsesAnyRequest(FuzzedDataProvider data) throws Exception {
    String tenant = data.consumeString(80);
    String flow = data.consumeString(80);
    String key = data.consumeString(12);
    String version = data.consumeString(16);
    String token = data.consumeString(48);
    String sentToken = data.consumeBoolean() ? token : data.consumeString(48);
    String draft = data.consumeRemainingAsString();
    BOUND.run(
        () -> {
          Optional<FlowRef> ref = flowRef(tenant, flow);
          softphoneKey(key);
          versionNumber(version);
          assertThat(WebSecurity.csrfMatches(sentToken, token))
              .as("a CSRF token matches exactly the session's")
              .isEqualTo(sentToken.equals(token));
          assertThat(WebSecurity.csrfMatches(null, token)).isFalse();
          draft(ref.orElseGet(() -> new FlowRef("city", "parking-ticket")), draft);
        });
  }

  private static Optional<FlowRef> flowRef(String tenant, String flow) {
    boolean names = FlowNames.isName(tenant) && FlowNames.isName(flow);
    try {
      FlowRef ref = new FlowRef(tenant, flow);
      assertThat(names).as("a flow reference from names outside the rule").isTrue();
      assertThat(ref.path()).isEqualTo("/flows/" + tenant + "/" + flow).doesNotContain("..");
      assertThat(ref.path().chars().filter(c -> c == '/').count()).isEqualTo(3);
      return Optional.of(ref);
    } catch (IllegalArgumentException e) {
      assertThat(names).as("names within the rule refused").isFalse();
      // A fixed text that says what to do: never the names sent, which may be anything.
      assertThat(e.getMessage()).isEqualTo("not a tenant or flow name; use " + FlowNames.RULE);
      return Optional.empty();
    }
  }

  private static void softphoneKey(String name) {
    Optional<PhoneKey> key = PhoneKey.named(name);
    boolean digit = name.length() == 1 && name.charAt(0) >= '0' && name.charAt(0) <= '9';
    assertThat(key.isPresent()).as("key %s", name).isEqualTo(digit || KEY_NAMES.contains(name));
    key.ifPresent(
        k -> {
          assertThat(k.isDigit()).isEqualTo(digit);
          if (digit) {
            assertThat(k.key()).isEqualTo(name.charAt(0));
          }
        });
  }

  private static void versionNumber(String value) {
    Optional<Integer> number = PublishPages.number(value);
    assertThat(number.isPresent()).as("version %s", value).isEqualTo(value.matches("[0-9]{1,9}"));
    number.ifPresent(n -> assertThat(n).isNotNegative().isEqualTo(Integer.parseInt(value)));
    assertThat(PublishPages.number(null)).isEmpty();
  }

  private static void draft(FlowRef ref, String text) {
    DraftCheck.Result result = CHECK.check(ref, text);
    assertThat(result.ok()).isEqualTo(result.errors() == 0);
    if (result.ok()) {
      // Only a draft that passes may be published: it compiled, and it is the flow it is saved as.
      assertThat(result.flow()).isPresent();
      assertThat(result.flow().get().tenant()).isEqualTo(ref.tenant());
      assertThat(result.flow().get().name()).isEqualTo(ref.flow());
    }
    result
        .problems()
        .forEach(
            p -> {
              assertThat(p.pos().line()).isPositive();
              assertThat(p.message()).isNotBlank();
            });
  }
}

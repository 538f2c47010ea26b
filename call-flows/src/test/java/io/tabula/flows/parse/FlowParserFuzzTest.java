package io.tabula.flows.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.flows.model.Diagnostic;
import io.tabula.testing.HostileYaml;
import io.tabula.testing.TimeBound;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of {@link FlowParser} and {@link SafeYaml} (docs/fuzzing.md) on any text,
 * and on hostile YAML built on purpose: alias bombs, deep nesting, recursive anchors, huge scalars.
 * Parsing ends in bounded time and memory with a flow or with problems that say where and what to
 * do; it never throws, and a flow comes only without errors.
 */
class FlowParserFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));

  /**
   * Heap allocated per file, garbage included. SnakeYAML copies its read window while one scalar
   * grows, so a quoted scalar near the 512 Ki-character file limit churns about 0.5 GB of
   * short-lived arrays (regression input long-quoted-scalar-churn); none of it is retained. Twice
   * that is the bound: anything more means the limit no longer holds.
   */
  private static final long HEAP_BUDGET = 1L << 30;

  @FuzzTest
  void parsesAnyText(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    parseAndCheck(text);
  }

  @FuzzTest
  void parsesHostileYaml(FuzzedDataProvider data) throws Exception {
    String text = HostileYaml.from(data);
    parseAndCheck(text);
  }

  private static void parseAndCheck(String text) throws Exception {
    BOUND.run(() -> check(FlowParser.parse("fuzz.yaml", text))); // warms classes
    long allocated = BOUND.run(() -> check(FlowParser.parse("fuzz.yaml", text)));
    assertThat(allocated).isLessThanOrEqualTo(HEAP_BUDGET);
  }

  private static void check(FlowParser.ParseResult result) {
    boolean errors =
        result.problems().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    assertThat(result.flow().isPresent() && errors).as("a flow despite errors").isFalse();
    assertThat(result.flow().isPresent() || errors).as("neither a flow nor an error").isTrue();
    for (Diagnostic problem : result.problems()) {
      assertThat(problem.message()).isNotBlank();
      assertThat(problem.fix()).isNotBlank();
      assertThat(problem.pos().line()).isPositive();
    }
  }
}

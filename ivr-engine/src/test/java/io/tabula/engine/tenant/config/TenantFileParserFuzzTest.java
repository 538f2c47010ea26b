package io.tabula.engine.tenant.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.parse.Problems;
import io.tabula.testing.HostileYaml;
import io.tabula.testing.TimeBound;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the tenant file parser (docs/fuzzing.md) on any text and on hostile
 * YAML: parsing ends in bounded time with a tenant and/or problems that say where and what to do,
 * never an exception.
 */
class TenantFileParserFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final Path FILE = Path.of("tenants", "fuzz.yaml");

  @FuzzTest
  void parsesAnyText(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    BOUND.run(() -> parseAndCheck(text));
  }

  @FuzzTest
  void parsesHostileYaml(FuzzedDataProvider data) throws Exception {
    String text = HostileYaml.from(data);
    BOUND.run(() -> parseAndCheck(text));
  }

  private static void parseAndCheck(String text) {
    Problems problems = new Problems(FILE.toString());
    List<TenantFileParser.Declared> declared = new ArrayList<>();
    Optional<TenantFile> tenant =
        TenantFileParser.parse(FILE, text, problems, FileChecks.structureOnly(), declared);
    List<Diagnostic> found = problems.sorted();
    // A file with errors may still yield its tenant: TenantFiles.load refuses the whole folder
    // whenever any problem was reported, so only the problems must be well formed.
    assertThat(tenant).isNotNull();
    for (Diagnostic problem : found) {
      assertThat(problem.message()).isNotBlank();
      assertThat(problem.fix()).isNotBlank();
      assertThat(problem.pos().line()).isPositive();
    }
  }
}

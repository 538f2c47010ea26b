package io.tabula.ops.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.AsteriskLinter;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lint on the configuration this repository ships (docker/asterisk) against the shipped flows:
 * what we ship must pass the checker we give admins. Before the shipped configuration was fixed it
 * reported CEL rejected by Asterisk, a MixMonitor without the scrub at close and three queues the
 * flows name but queues.conf lacked.
 */
class ShippedConfigLintTest {

  private static final Path SHIPPED = Path.of("../docker/asterisk");

  private static List<String> findings() throws IOException {
    AsteriskLinter.LintResult result =
        new AsteriskLinter()
            .lint(new AsteriskConfig(SHIPPED), FlowFacts.fromDir(Path.of("../flows")));
    assertThat(result.unreadable()).isEmpty();
    return result.findings().stream().map(ShippedConfigLintTest::brief).toList();
  }

  private static String brief(Finding finding) {
    return finding.where() + " " + finding.severity().label() + " " + finding.rule();
  }

  @Test
  void theShippedConfigurationIsClean() throws IOException {
    assertThat(findings()).isEmpty();
  }
}

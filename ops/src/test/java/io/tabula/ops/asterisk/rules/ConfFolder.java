package io.tabula.ops.asterisk.rules;

import io.tabula.ops.asterisk.lint.AsteriskConfig;
import io.tabula.ops.asterisk.lint.Finding;
import io.tabula.ops.asterisk.lint.FlowFacts;
import io.tabula.ops.asterisk.lint.LintRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throw-away Asterisk configuration folder for one test, and a way to run one rule on it. */
final class ConfFolder {

  static final FlowFacts NO_FLOWS = new FlowFacts("no flows", List.of(), List.of());

  private final Path dir;

  ConfFolder(Path dir) {
    this.dir = dir;
  }

  ConfFolder file(String name, String... lines) {
    try {
      Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Runs {@code rule} against the shipped flows. */
  List<Finding> run(LintRule rule) throws IOException {
    return run(rule, FlowFacts.shipped());
  }

  List<Finding> run(LintRule rule, FlowFacts flows) throws IOException {
    return rule.check(new AsteriskConfig(dir), flows);
  }

  Path path(String name) {
    return dir.resolve(name);
  }
}

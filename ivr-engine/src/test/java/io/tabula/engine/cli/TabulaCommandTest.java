package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TabulaCommandTest {

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(out));
    return commandLine.execute(args);
  }

  @Test
  void everyCommandAnswersHelp() {
    CommandLine root = TabulaCommand.commandLine();
    assertThat(run("--help")).isZero();
    for (String name : root.getSubcommands().keySet()) {
      out.getBuffer().setLength(0);
      assertThat(run(name, "--help")).as(name).isZero();
      assertThat(out.toString()).as(name).contains("Usage: tabula " + name);
    }
  }

  @Test
  void asteriskLintIsMountedFromOps() {
    assertThat(run("asterisk", "lint", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: tabula asterisk lint").contains("--flows");
  }

  @Test
  void anUnknownCommandFailsWithUsage() {
    assertThat(run("nonsense")).isEqualTo(2);
    assertThat(out.toString()).contains("Unmatched argument");
  }
}

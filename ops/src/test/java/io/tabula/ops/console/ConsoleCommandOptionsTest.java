package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula console} refuses option combinations that cannot work before it starts anything:
 * exit 2 and a line that says what to give.
 */
class ConsoleCommandOptionsTest {

  @TempDir Path folder;

  private final StringWriter err = new StringWriter();

  @Test
  void aCertificateWithoutItsKeyAndCaIsRefused() {
    assertThat(run("--cert", folder.resolve("console.pem").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--cert, --key and --ca go together; give all three");
  }

  @Test
  void anAccessDatabaseWithoutTrailKeysIsRefused() {
    assertThat(run("--db-host", "db.example")).isEqualTo(2);
    assertThat(err.toString()).contains("with --db-host give --trail-key and --trail-public-key");
  }

  @Test
  void anAccessDatabaseWithoutTheTotpKeyIsRefused() {
    assertThat(
            run(
                "--db-host",
                "db.example",
                "--trail-key",
                folder.resolve("trail.key").toString(),
                "--trail-public-key",
                folder.resolve("trail.pub").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("with --db-host give --totp-key");
  }

  @Test
  void aSoundsFolderThatIsNotThereIsRefused() {
    Path missing = folder.resolve("no-sounds");

    assertThat(run("--sounds", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(missing + ": error: no such folder; fix:");
  }

  private int run(String... args) {
    CommandLine line = new CommandLine(new ConsoleCommand());
    line.setOut(new PrintWriter(new StringWriter(), true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }
}

package io.tabula.ops.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

class LintCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line =
        new CommandLine(new AsteriskCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private void write(String name, String... lines) throws IOException {
    Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  /** A configuration every rule accepts for the shipped flows. */
  @BeforeEach
  void cleanConfiguration() throws IOException {
    write(
        "manager.conf",
        "[general]",
        "enabled = yes",
        "[tabula](!)",
        "read = call,system",
        "write = call",
        "eventfilter(action(exclude),name(DTMFBegin)) =",
        "eventfilter(action(exclude),name(DTMFEnd)) =",
        "[engine](tabula)",
        "secret = x");
    write("logger.conf", "[logfiles]", "console => notice,warning,error,verbose");
    write(
        "extensions.conf",
        "[globals]",
        "TABULA = agi://engine:4573",
        "[from-carrier]",
        "exten => 100,1,Gosub(tabula-call,s,1(city,parking-ticket))",
        "exten => 101,1,Gosub(tabula-call,s,1(utility,bill-payment))",
        "exten => 102,1,Gosub(tabula-call,s,1(utility,balance))",
        "[tabula-call]",
        "exten => s,1,MixMonitor(${UNIQUEID}.raw.wav,,tabula recordings scrub"
            + " ^{MIXMONITOR_FILENAME} ${UNIQUEID}.wav)",
        " same => n,AGI(${TABULA}/${ARG1}/${ARG2})",
        " same => n,Queue(${TABULA_TRANSFER})");
    write("queues.conf", "[city-parking-agents]", "[utility-billing-agents]");
    write("cel.conf", "[general]", "enable = yes", "events = CHAN_START,CHAN_END");
  }

  @Test
  void aCleanConfigurationExitsZeroWithTheSummary() {
    assertThat(run("lint", dir.toString(), "--flows", "../flows")).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "Checked 5 files in "
                + dir
                + " against 3 flows (../flows): 0 findings."
                + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void findingsExitOneWithFileLineColumnRuleAndFix() throws IOException {
    write("logger.conf", "[logfiles]", "  full => notice,dtmf");
    assertThat(run("lint", dir.toString(), "--flows", "../flows")).isEqualTo(1);
    assertThat(out.toString().lines().toList())
        .containsExactly(
            dir.resolve("logger.conf")
                + ":2:3: error [logger-dtmf] log channel 'full' has the dtmf level: it logs every"
                + " key a caller presses, card numbers included. Fix: list the levels without"
                + " dtmf, debug or *, e.g. full => notice,warning,error",
            "Checked 5 files in "
                + dir
                + " against 3 flows (../flows): 1 finding (1 error, 0 warnings).");
  }

  @Test
  void jsonGivesOneObjectPerFindingAndTheSummaryLast() throws IOException {
    write("logger.conf", "[logfiles]", "full => notice,dtmf", "debug.log => debug");
    assertThat(run("lint", dir.toString(), "--flows", "../flows", "--format", "json")).isEqualTo(1);
    List<Map<String, Object>> lines =
        out.toString().lines().map(line -> new Yaml().<Map<String, Object>>load(line)).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.getFirst())
        .containsEntry("file", dir.resolve("logger.conf").toString())
        .containsEntry("line", 2)
        .containsEntry("column", 1)
        .containsEntry("severity", "error")
        .containsEntry("rule", "logger-dtmf")
        .containsKeys("what", "fix");
    assertThat(lines.get(1)).containsEntry("line", 3);
    assertThat(lines.getLast())
        .isEqualTo(
            Map.of(
                "summary",
                Map.of(
                    "files",
                    5,
                    "flows",
                    3,
                    "findings",
                    2,
                    "errors",
                    2,
                    "warnings",
                    0,
                    "unreadable",
                    0)));
  }

  @Test
  void aMissingFolderExitsTwo() {
    assertThat(run("lint", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such folder");
  }

  @Test
  void aFolderWithoutAsteriskFilesExitsTwo() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("lint", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give the Asterisk configuration folder");
  }

  @Test
  void aFlowsFolderThatCannotBeReadExitsTwo() {
    assertThat(run("lint", dir.toString(), "--flows", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--flows");
  }

  @Test
  void anInvalidFlowMakesACleanRunIncomplete() throws IOException {
    Path flows = Files.createDirectories(dir.resolve("flows"));
    Files.copy(Path.of("../flows/city"), flows.resolve("city"));
    Files.copy(
        Path.of("../flows/city/parking-ticket.yaml"), flows.resolve("city/parking-ticket.yaml"));
    Files.writeString(flows.resolve("broken.yaml"), "flow: [\n");
    write(
        "extensions.conf",
        "[tabula]",
        "exten => 1,1,AGI(agi://engine/city/parking-ticket)",
        " same => n,Queue(${TABULA_TRANSFER})");
    assertThat(run("lint", dir.toString(), "--flows", flows.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("broken.yaml: is not a valid flow");
    assertThat(out.toString()).contains("0 findings; 1 unreadable.");
  }

  @Test
  void withoutFlowsTheShippedFlowsAreUsed() {
    assertThat(run("lint", dir.toString())).isZero();
    assertThat(out.toString()).contains("against 3 flows (");
  }

  @Test
  void anUnreadableFileMakesTheRunIncomplete() throws IOException {
    Path logger = dir.resolve("logger.conf");
    Files.delete(logger);
    Files.createDirectory(logger);
    assertThat(run("lint", dir.toString(), "--flows", "../flows")).isEqualTo(2);
    assertThat(err.toString())
        .contains(logger + ": cannot be read (FileSystemException), so logger-dtmf could not");
    assertThat(out.toString()).contains("0 findings; 1 unreadable.");
  }
}

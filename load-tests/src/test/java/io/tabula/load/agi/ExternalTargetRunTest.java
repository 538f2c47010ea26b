package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The harness aimed at targets it did not start: a floor on a loopback socket in this JVM and the
 * engine in a JVM of its own, each measured by its pid, compared in one run.
 */
class ExternalTargetRunTest {

  /** Ten calls, five at a time, of two rounds of 3 commands and the HANGUP: 70 commands. */
  private static final List<String> TEN_CALLS_OF_TWO_ROUNDS =
      List.of("--calls", "5", "--max-calls", "10", "--rounds", "2");

  @Test
  void measuresTargetsStartedElsewhereByTheirPidsAndComparesThemInOneRun() throws Exception {
    try (FloorServer floor = new FloorServer();
        TargetProcess engine =
            TargetProcess.start(
                "engine",
                LoadRun.ENGINE_TARGET,
                List.of("-Xmx256m", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
                List.of("0", "32"),
                Duration.ofSeconds(60))) {
      LoadRun run = new LoadRun();
      int exit =
          new CommandLine(run)
              .execute(
                  args(
                      List.of(
                          target("floor", floor.port(), ProcessHandle.current().pid()),
                          target("engine", engine.port(), engine.pid())),
                      TEN_CALLS_OF_TWO_ROUNDS));

      assertThat(exit).isZero();
      assertThat(run.reports()).extracting(TargetReport::target).containsExactly("floor", "engine");
      for (TargetReport report : run.reports()) {
        assertThat(report.load().completed()).as(report.target()).isEqualTo(10);
        assertThat(report.load().failedCount()).as(report.target()).isZero();
        // 2 rounds of 3 commands and the HANGUP per call.
        assertThat(report.load().commands()).as(report.target()).isEqualTo(10 * 7);
        assertThat(report.fresh().rssKiB()).as(report.target()).isPositive();
        assertThat(report.loaded().rssKiB()).as(report.target()).isPositive();
        assertThat(report.loaded().threads()).as(report.target()).isPositive();
        assertThat(report.cpu().targetCpuMillis()).as(report.target()).isNotNegative();
        assertThat(report.cpu().loadBefore()).as(report.target()).isNotNegative();
        // Started elsewhere: the harness knows its RSS and CPU, not its heap or allocation.
        assertThat(report.loaded().heapUsed()).as(report.target()).isEqualTo(-1);
        assertThat(report.allocatedBytesPerCommand()).as(report.target()).isEqualTo(-1);
      }
      assertThat(engine.stats().threads())
          .as("the harness leaves a target it did not start running")
          .isPositive();
      TargetComparison comparison =
          new TargetComparison(run.reports().get(0), run.reports().get(1));
      assertThat(comparison.p99Ratio()).isPositive();
    }
  }

  @Test
  void withTurnsEveryTargetIsMeasuredOncePerTurnInAlternatingOrderThenSummed() throws Exception {
    long pid = ProcessHandle.current().pid();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FloorServer floor = new FloorServer();
        FloorServer other = new FloorServer()) {
      LoadRun run = new LoadRun();
      run.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
      int exit =
          new CommandLine(run)
              .execute(
                  args(
                      List.of(
                          target("floor", floor.port(), pid), target("engine", other.port(), pid)),
                      List.of(
                          "--turns",
                          "2",
                          "--cpu-goal",
                          "1000",
                          "--calls",
                          "3",
                          "--max-calls",
                          "6",
                          "--rounds",
                          "1")));

      assertThat(exit).isZero();
      assertThat(run.turnReports).hasSize(2);
      assertThat(run.turnReports.get(0))
          .extracting(TargetReport::target)
          .containsExactly("floor", "engine");
      assertThat(run.turnReports.get(1))
          .extracting(TargetReport::target)
          .containsExactly("engine", "floor");
      assertThat(run.reports()).hasSize(4);
      for (TargetReport report : run.reports()) {
        assertThat(report.load().completed()).as(report.target()).isEqualTo(6);
        assertThat(report.load().failedCount()).as(report.target()).isZero();
      }
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .containsSubsequence(
            "== turn 1 of 2: floor then engine ==",
            "== engine over floor, same run, turn 1 of 2",
            "== turn 2 of 2: engine then floor ==",
            "== engine over floor, same run, turn 2 of 2",
            "== engine over floor, 2 turns",
            "turn 1: CPU",
            "turn 2: CPU",
            "pooled CPU engine/floor",
            "median of the turns",
            "longest run meeting them");
  }

  @Test
  void theSteppedPrototypeRunsTheSameCallAsTheEngine() throws Exception {
    try (TargetProcess stepped =
        TargetProcess.start(
            "stepped",
            SteppedTarget.class.getName(),
            List.of("-Xmx256m", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
            List.of("0", "32"),
            Duration.ofSeconds(60))) {
      LoadRun run = new LoadRun();
      int exit =
          new CommandLine(run)
              .execute(
                  args(
                      List.of(target("stepped", stepped.port(), stepped.pid())),
                      TEN_CALLS_OF_TWO_ROUNDS));

      assertThat(exit).isZero();
      TargetReport report = run.reports().getFirst();
      assertThat(report.load().completed()).isEqualTo(10);
      assertThat(report.load().failedCount()).isZero();
      assertThat(report.load().commands()).isEqualTo(10 * 7);
    }
  }

  @Test
  void eachTargetNeedsItsPid() {
    LoadRun run = new LoadRun();
    int exit =
        new CommandLine(run)
            .execute("--target", "floor=127.0.0.1:4690", "--calls", "1", "--warmup", "0");

    assertThat(exit).isNotZero();
    assertThat(run.reports()).isEmpty();
  }

  @Test
  void aTargetIsNameEqualsHostColonPort() {
    ExternalTarget target = ExternalTarget.parse("floor=127.0.0.1:4690", 42);

    assertThat(target.name()).isEqualTo("floor");
    assertThat(target.address().getPort()).isEqualTo(4690);
    assertThat(target.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(ExternalTarget.parse("127.0.0.1:4690", 42).name()).isEqualTo("external");
    assertThatThrownBy(() -> ExternalTarget.parse("floor=127.0.0.1", 42))
        .hasMessageContaining("[name=]host:port");
    assertThatThrownBy(() -> ExternalTarget.parse("floor=127.0.0.1:x", 42))
        .hasMessageContaining("port must be a number");
    assertThatThrownBy(() -> ExternalTarget.parse("floor=127.0.0.1:4690", 0))
        .hasMessageContaining("--target-pid");
  }

  /** {@code --target} and {@code --target-pid} for a loopback target started elsewhere. */
  private static List<String> target(String name, int port, long pid) {
    return List.of("--target", name + "=127.0.0.1:" + port, "--target-pid", Long.toString(pid));
  }

  /**
   * The targets, the options, then what every run here shares: no ramp-up and no warm-up, so each
   * call is measured, and 30 s, more than enough for the few calls of {@code --max-calls}.
   */
  private static String[] args(List<List<String>> targets, List<String> options) {
    List<String> args = new ArrayList<>();
    targets.forEach(args::addAll);
    args.addAll(options);
    args.addAll(List.of("--duration", "30", "--ramp", "0", "--warmup", "0"));
    return args.toArray(String[]::new);
  }
}

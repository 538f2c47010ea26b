package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A small run of the real harness: targets in their own JVMs, 20 calls each. The big measurements
 * are run by hand (docs/asterisk-link.md); this only proves the harness works end to end.
 */
class LoadRunSmokeTest {

  @Test
  void twentyCallsCompleteAgainstEveryTargetInAnotherJvm() {
    LoadRun run = new LoadRun();
    int exit = runSmall(run, "--max-calls", "20");

    assertThat(exit).isZero();
    assertThat(run.reports()).hasSize(targets().size());
    for (TargetReport report : run.reports()) {
      assertThat(report.load().completed()).as(report.target()).isEqualTo(20);
      assertThat(report.load().failedCount()).as(report.target()).isZero();
      assertThat(report.load().turnaround().getTotalCount())
          .as(report.target())
          .isGreaterThanOrEqualTo(20 * 3);
      assertThat(report.load().steadyTurnaround().getTotalCount())
          .as("without a ramp-up every turnaround is steady state")
          .isEqualTo(report.load().turnaround().getTotalCount());
      assertThat(report.load().setup().getTotalCount()).as(report.target()).isEqualTo(20);
      assertThat(report.fresh().rssKiB()).as(report.target()).isPositive();
      assertThat(report.idle().rssKiB()).as(report.target()).isPositive();
      assertThat(report.loaded().threads()).as(report.target()).isPositive();
      assertThat(report.cpuMicrosPerCommand()).as(report.target()).isPositive();
      assertThat(report.cpu().loadBefore()).as(report.target()).isNotNegative();
    }
  }

  @Test
  void withRoundsEveryCallRepeatsItsPromptCollectAndReadBackOnBothTargets() {
    LoadRun run = new LoadRun();
    int exit = runSmall(run, "--max-calls", "10", "--rounds", "3");

    assertThat(exit).isZero();
    for (TargetReport report : run.reports()) {
      assertThat(report.load().completed()).as(report.target()).isEqualTo(10);
      assertThat(report.load().failedCount()).as(report.target()).isZero();
      // 3 rounds of 3 commands, then HANGUP: 9 replies each followed by the engine's next command.
      assertThat(report.load().turnaround().getTotalCount())
          .as(report.target())
          .isGreaterThanOrEqualTo(10 * 9);
    }
  }

  @Test
  void theEngineRunsTheLoadCallAsAYamlFlowThroughTheFlowInterpreter() {
    LoadRun run = new LoadRun();
    int exit =
        runSmall(
            run,
            List.of("engine"),
            "--engine-handler",
            "flow",
            "--max-calls",
            "6",
            "--rounds",
            "3");

    assertThat(exit).isZero();
    LoadResult engine = run.reports().getFirst().load();
    assertThat(engine.completed()).isEqualTo(6);
    assertThat(engine.failedCount()).isZero();
    // Per call 3 rounds of STREAM FILE, GET DATA, SAY DIGITS, then HANGUP: nothing more, nothing
    // less (a failed collect would end a round early, an extra command would add one).
    assertThat(engine.commands()).isEqualTo(6 * (3 * LoadCall.MEDIA_COMMANDS + 1));
  }

  @Test
  void theHandWrittenJavaCallStaysAvailableForComparison() {
    LoadRun run = new LoadRun();
    int exit =
        runSmall(
            run,
            List.of("engine"),
            "--engine-handler",
            "java",
            "--max-calls",
            "6",
            "--rounds",
            "3");

    assertThat(exit).isZero();
    LoadResult engine = run.reports().getFirst().load();
    assertThat(engine.completed()).isEqualTo(6);
    assertThat(engine.failedCount()).isZero();
    assertThat(engine.commands()).isEqualTo(6 * (3 * LoadCall.MEDIA_COMMANDS + 1));
  }

  @Test
  void moreRoundsThanTheLoadFlowsHaveAreRefusedBeforeAnyTargetStarts() {
    LoadRun run = new LoadRun();
    int exit =
        runSmall(
            run,
            List.of("engine"),
            "--max-calls",
            "1",
            "--rounds",
            Integer.toString(LoadFlows.MAX_ROUNDS + 1));

    assertThat(exit).isNotZero();
    assertThat(run.reports()).isEmpty();
  }

  private static int runSmall(LoadRun run, String... options) {
    return runSmall(run, targets(), options);
  }

  /**
   * Five calls at once on {@code targets}, no ramp-up or warm-up, small heaps, plus {@code
   * options}.
   */
  private static int runSmall(LoadRun run, List<String> targets, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(
        List.of(
            "--calls",
            "5",
            "--duration",
            "30",
            "--ramp",
            "0",
            "--warmup",
            "0",
            "--target-heap",
            "256m",
            "--targets",
            String.join(",", targets)));
    return new CommandLine(run).execute(args.toArray(String[]::new));
  }

  private static List<String> targets() {
    return List.of("engine", "baseline");
  }
}

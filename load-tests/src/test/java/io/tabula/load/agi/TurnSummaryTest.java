package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnSummaryTest {

  private static final TurnSummary.Goals ISSUE_23_AT_10K = new TurnSummary.Goals(1.5, 2, 8);
  private static final TurnSummary.Goals CPU_ONLY =
      new TurnSummary.Goals(1.5, Double.NaN, Double.NaN);
  private static final TurnSummary.Goals P99_ONLY =
      new TurnSummary.Goals(Double.NaN, 2, Double.NaN);

  @Test
  void twoTargetsSwapEndsOnEveryEvenTurn() {
    List<String> given = List.of("floor", "engine");

    assertThat(TurnSummary.order(given, 1)).containsExactly("floor", "engine");
    assertThat(TurnSummary.order(given, 2)).containsExactly("engine", "floor");
    assertThat(TurnSummary.order(given, 3)).containsExactly("floor", "engine");
    assertThat(TurnSummary.order(given, 4)).containsExactly("engine", "floor");
  }

  @Test
  void moreTargetsAreReversedWholeOnEvenTurns() {
    List<String> given = List.of("floor", "engine", "stepped");

    assertThat(TurnSummary.order(given, 1)).containsExactly("floor", "engine", "stepped");
    assertThat(TurnSummary.order(given, 2)).containsExactly("stepped", "engine", "floor");
    assertThatThrownBy(() -> TurnSummary.order(given, 0)).hasMessageContaining("from 1");
  }

  @Test
  void thePooledRatioSumsTheMicrosecondsOfAllTurnsBeforeDividing() {
    // Ratios 2.0, 1.0 and 1.5; pooled (20 + 30 + 30) / (10 + 30 + 20) = 80 / 60.
    TurnSummary summary =
        summary(
            TurnSummary.Goals.NONE,
            turn(10, 20, 1.0, 4, 0),
            turn(30, 30, 1.0, 4, 0),
            turn(20, 30, 1.0, 4, 0));

    assertThat(summary.pooledCpuRatio()).isCloseTo(80.0 / 60.0, within(1e-9));
    assertThat(summary.medianCpuRatio()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleOnes() {
    assertThat(TurnSummary.median(new double[] {3, 1, 2, 10})).isCloseTo(2.5, within(1e-9));
    assertThat(TurnSummary.median(new double[] {4})).isEqualTo(4);
    assertThat(TurnSummary.median(new double[] {})).isNaN();
    assertThat(TurnSummary.median(new double[] {1, Double.NaN})).isNaN();
  }

  @Test
  void aTurnMeetsEachGivenGoalOnItsOwnAndFailedCallsFailItWhole() {
    TurnSummary.Turn within = turn(10, 15, 2.0, 8, 0);
    TurnSummary.Turn tooSlow = turn(10, 15.1, 1.0, 4, 0);
    TurnSummary.Turn failed = turn(10, 10, 1.0, 4, 1);

    assertThat(within.meetsAll(ISSUE_23_AT_10K)).as("every goal met at its bound").isTrue();
    assertThat(tooSlow.meetsAll(CPU_ONLY)).isFalse();
    assertThat(tooSlow.meetsAll(P99_ONLY)).isTrue();
    assertThat(tooSlow.meetsAll(ISSUE_23_AT_10K)).isFalse();
    assertThat(failed.meetsAll(CPU_ONLY)).isFalse();
    assertThat(failed.meetsAll(ISSUE_23_AT_10K)).isFalse();
    assertThat(failed.meetsAll(TurnSummary.Goals.NONE)).as("even with no goals").isFalse();
    assertThat(turn(10, 10, 1.0, 9, 0).meetsAll(ISSUE_23_AT_10K)).as("9 KiB a call").isFalse();
    assertThat(turn(10, 10, 1.0, 9, 0).meetsAll(new TurnSummary.Goals(1.5, 2, Double.NaN)))
        .as("memory not asked for")
        .isTrue();
    assertThat(turn(0, 10, 1.0, 4, 0).meetsAll(CPU_ONLY))
        .as("no ratio without a reference figure")
        .isFalse();
  }

  @Test
  void theGoalsHoldOnlyWhenEveryTurnInARowMeetsThem() {
    TurnSummary.Turn met = turn(10, 12, 1.0, 4, 0);
    TurnSummary.Turn missed = turn(10, 20, 1.0, 4, 0);

    TurnSummary mixed = summary(ISSUE_23_AT_10K, met, met, missed, met, met, met, missed);
    TurnSummary all = summary(ISSUE_23_AT_10K, met, met, met);

    assertThat(mixed.longestRunMeetingGoals()).isEqualTo(3);
    assertThat(mixed.goalsHeldInEveryTurn()).isFalse();
    assertThat(mixed.text()).contains("NOT held in 7 consecutive turns").contains("3 of 7");
    assertThat(all.longestRunMeetingGoals()).isEqualTo(3);
    assertThat(all.goalsHeldInEveryTurn()).isTrue();
    assertThat(all.text()).contains("HELD in 3 consecutive turns");
  }

  @Test
  void theTextHasALinePerTurnWithItsVerdictsThenThePooledAndMedianRatios() {
    TurnSummary summary =
        summary(
            new TurnSummary.Goals(1.25, 2, Double.NaN),
            turn(10, 12, 1.5, 6, 0),
            turn(10, 14, 2.5, 6, 0));

    assertThat(summary.text())
        .contains("engine over floor, 2 turns")
        .contains("turn 1: CPU 1.20x (12.0 over 10.0 us) p99 1.50x engine 6.0 KiB/call failed 0/0")
        .contains("cpu<=1.25 met, p99<=2 met")
        .contains("turn 2: CPU 1.40x")
        .contains("cpu<=1.25 missed, p99<=2 missed")
        .contains("pooled CPU engine/floor (sum of us per command over all turns) = 1.30x")
        .contains("median of the turns: CPU 1.30x, p99 2.00x")
        .contains("goals (CPU <= 1.25x, p99 <= 2x, no failed call): NOT held")
        .doesNotContain("KiB<=");
    assertThat(summary(TurnSummary.Goals.NONE, turn(10, 12, 1.5, 6, 0)).text())
        .doesNotContain("goals")
        .doesNotContain("met");
  }

  @Test
  void theFigureWithoutTheCollectorIsShownWhenACollectorWasCounted() {
    TurnSummary.Turn jvm = new TurnSummary.Turn(10, 20, 10, 15, true, 1.0, 4, 0, 0);
    TurnSummary summary = summary(TurnSummary.Goals.NONE, jvm, jvm);

    assertThat(jvm.cpuRatioWithoutGc()).isCloseTo(1.5, within(1e-9));
    assertThat(summary.pooledCpuRatioWithoutGc()).isCloseTo(1.5, within(1e-9));
    assertThat(summary.text()).contains("2.00x (1.50x without GC)");
    assertThat(summary(TurnSummary.Goals.NONE, turn(10, 20, 1.0, 4, 0)).text())
        .doesNotContain("without GC");
  }

  private static TurnSummary summary(TurnSummary.Goals goals, TurnSummary.Turn... turns) {
    return new TurnSummary("floor", "engine", goals, List.of(turns));
  }

  /** No collector counted: the figures without it equal those with it. */
  private static TurnSummary.Turn turn(
      double floorMicros, double engineMicros, double p99Ratio, double kib, long engineFailed) {
    return new TurnSummary.Turn(
        floorMicros,
        engineMicros,
        floorMicros,
        engineMicros,
        false,
        p99Ratio,
        kib,
        0,
        engineFailed);
  }
}

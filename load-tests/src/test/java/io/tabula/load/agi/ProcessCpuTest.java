package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUserAndSystemTicksAfterTheThreadNameEvenWhenTheNameHasSpacesAndParentheses() {
    // Fields from pid: 14 utime = 250, 15 stime = 50 (ticks of 10 ms).
    String stat =
        "4242 (C2 Compiler) (x)) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 50 0 0 20 0 30 0"
            + " 12345 100000 2000";

    assertThat(ProcessCpu.threadName(stat)).isEqualTo("C2 Compiler) (x)");
    assertThat(ProcessCpu.ticks(stat)).isEqualTo(300);
  }

  @Test
  void tellsCompilerAndCollectorThreadsFromTheRest() {
    assertThat(ProcessCpu.isJit("C2 CompilerThre")).isTrue();
    assertThat(ProcessCpu.isJit("C1 CompilerThre")).isTrue();
    assertThat(ProcessCpu.isGc("GC Thread#0")).isTrue();
    assertThat(ProcessCpu.isGc("G1 Conc#0")).isTrue();
    assertThat(ProcessCpu.isGc("ZWorkerYoung#0")).isTrue();
    assertThat(ProcessCpu.isGc("ZDriverMinor")).isTrue();
    assertThat(ProcessCpu.isGc("agi-io-1")).isFalse();
    assertThat(ProcessCpu.isJit("agi-io-1")).isFalse();
    assertThat(ProcessCpu.isGc("ForkJoinPool-1-")).isFalse();
  }

  @Test
  void aReadingOfThisProcessGrowsWithTheWorkDoneBetween() throws Exception {
    long pid = ProcessHandle.current().pid();
    ProcessCpu before = ProcessCpu.of(pid);
    long giveUp = System.nanoTime() + 20_000_000_000L;
    long sink = 0;
    ProcessCpu spent = before.until(before);
    // Spin until /proc shows 100 ms more CPU (however much of a shared core this thread gets).
    while (spent.totalMillis() < 100 && System.nanoTime() < giveUp) {
      for (int i = 0; i < 1_000_000; i++) {
        sink += Long.numberOfTrailingZeros(sink + i);
      }
      spent = before.until(ProcessCpu.of(pid));
    }

    assertThat(sink).isNotNegative();
    assertThat(spent.totalMillis()).isGreaterThanOrEqualTo(100);
    assertThat(spent.jitMillis()).isNotNegative();
    assertThat(spent.contextSwitches()).isNotNegative();
  }
}

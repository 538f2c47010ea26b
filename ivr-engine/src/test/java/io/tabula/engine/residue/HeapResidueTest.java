package io.tabula.engine.residue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residue test: an engine in its own JVM takes 1,000 calls, each keying a different Luhn-valid
 * card number to the self-test echo flow; then a heap dump that keeps unreachable objects ({@code
 * jcmd GC.heap_dump -all}) of a heap that was never collected (see {@link
 * EngineProcess#NEVER_COLLECT}) is searched for every number as ASCII, UTF-16LE and UTF-16BE. Goal
 * and assertion: 0 hits. {@link ProductResidueTest} does the same through the real flows and
 * connectors and scans files and the database too.
 */
class HeapResidueTest {

  private static final int CALLS = 1_000;
  private static final int CONCURRENT = 50;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void noCardNumberSurvivesInTheEnginesHeap(@TempDir Path dir) throws Exception {
    List<String> cards = CardNumbers.generate(CALLS, 20261123L);
    assertThat(cards).allMatch(CardNumbers::luhnValid);
    // The echo flow is a self-test flow; the virtual PBX records nothing and there are no tenant
    // files, so serve is told all three explicitly. The 1 MiB pool must be locked, as in
    // production.
    EngineProcess.Options options =
        new EngineProcess.Options(
            dir,
            List.of(),
            List.of("--demo"),
            Map.of(
                "TABULA_AGI_PORT", "0",
                "TABULA_ADMIN_PORT", "0",
                "TABULA_MEMORY_SLOTS", "256",
                "TABULA_MEMORY_PROTECTIONS", "required",
                "TABULA_RECORDING", "none",
                "TABULA_SELFTEST_ENABLED", "true",
                // The virtual PBX plays no sound files.
                "TABULA_PROMPTS_CHECK", "off"));
    try (EngineProcess engine = EngineProcess.start(options)) {
      runCalls(engine.agiAddress(), cards);
      Path dump = dir.resolve("engine.hprof");
      engine.heapDump(dump);
      long size = Files.size(dump);
      DumpScanner.Hits hits =
          DumpScanner.of(List.of(Needles.of("cards", cards))).scan(dump).get("cards");
      System.out.printf(
          "Residue test: %d calls, heap dump %.1f MiB, hits: ascii=%d utf16le=%d utf16be=%d%n",
          CALLS, size / 1048576.0, hits.ascii(), hits.utf16le(), hits.utf16be());
      Files.delete(dump);
      assertThat(hits.total()).isZero();
    }
  }

  private static void runCalls(InetSocketAddress address, List<String> cards) throws Exception {
    Semaphore slots = new Semaphore(CONCURRENT);
    List<CompletableFuture<CallReport>> calls = new ArrayList<>();
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      for (String card : cards) {
        slots.acquire();
        CompletableFuture<CallReport> call =
            pbx.call(address, "selftest/echo", ScriptedCaller.keys(card + "#"));
        call.whenComplete((r, e) -> slots.release());
        calls.add(call);
      }
      for (CompletableFuture<CallReport> call : calls) {
        CallReport report = call.get(30, TimeUnit.SECONDS);
        assertThat(report.heard()).contains(new Heard(Heard.Kind.NUMBER, "16"));
      }
    }
  }
}

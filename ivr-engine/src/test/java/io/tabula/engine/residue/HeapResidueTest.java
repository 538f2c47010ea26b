package io.tabula.engine.residue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residue test: an engine in its own JVM takes 1,000 calls, each keying a different Luhn-valid
 * card number; then a heap dump that keeps unreachable objects ({@code jcmd GC.heap_dump -all}) is
 * searched for every number as ASCII, UTF-16LE and UTF-16BE. Goal and assertion: 0 hits.
 */
class HeapResidueTest {

  private static final int CALLS = 1_000;
  private static final int CONCURRENT = 50;
  private static final Pattern LISTENING =
      Pattern.compile("listening for FastAGI on ([0-9.]+):(\\d+)");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void noCardNumberSurvivesInTheEnginesHeap(@TempDir Path dir) throws Exception {
    List<String> cards = CardNumbers.generate(CALLS, 20261123L);
    assertThat(cards).allMatch(CardNumbers::luhnValid);
    Process engine = startEngine();
    try {
      InetSocketAddress address = awaitListening(engine);
      runCalls(address, cards);
      Path dump = dir.resolve("engine.hprof");
      heapDump(engine.pid(), dump);
      long size = Files.size(dump);
      DumpScanner.Hits hits = new DumpScanner(new HashSet<>(cards), 16).scan(dump);
      System.out.printf(
          "Residue test: %d calls, heap dump %.1f MiB, hits: ascii=%d utf16le=%d utf16be=%d%n",
          CALLS, size / 1048576.0, hits.ascii(), hits.utf16le(), hits.utf16be());
      Files.delete(dump);
      assertThat(hits.total()).isZero();
    } finally {
      engine.destroy();
      if (!engine.waitFor(10, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
    }
  }

  @Test
  void theScannerFindsANumberInEveryEncoding() throws IOException {
    String card = CardNumbers.generate(1, 7).getFirst();
    byte[] le = card.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = card.getBytes(StandardCharsets.UTF_16BE);
    byte[] ascii = card.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[1 + le.length + 3 + be.length + 2 + ascii.length];
    System.arraycopy(le, 0, all, 1, le.length);
    System.arraycopy(be, 0, all, 1 + le.length + 3, be.length);
    System.arraycopy(ascii, 0, all, all.length - ascii.length, ascii.length);

    DumpScanner.Hits hits = new DumpScanner(Set.of(card), 16).scan(new ByteArrayInputStream(all));

    // A UTF-16 run of digits reads as LE at one alignment and BE at the next, so each is found.
    assertThat(hits.ascii()).isEqualTo(1);
    assertThat(hits.utf16le()).isPositive();
    assertThat(hits.utf16be()).isPositive();
  }

  private static Process startEngine() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tabula.engine.cli.TabulaCommand",
                "serve")
            .redirectErrorStream(true);
    builder.environment().put("TABULA_AGI_PORT", "0");
    builder.environment().put("TABULA_MEMORY_SLOTS", "256");
    return builder.start();
  }

  private static InetSocketAddress awaitListening(Process engine) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<InetSocketAddress> address = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    address.complete(
                        new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
                  }
                }
                address.completeExceptionally(
                    new IllegalStateException("the engine exited before listening"));
              } catch (IOException e) {
                address.completeExceptionally(e);
              }
            });
    return address.get(60, TimeUnit.SECONDS);
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

  private static void heapDump(long pid, Path file) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process dump =
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_dump", "-all", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(file)).as("jcmd said: %s", output).isTrue();
  }
}

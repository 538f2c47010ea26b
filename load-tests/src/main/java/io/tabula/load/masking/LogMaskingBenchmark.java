package io.tabula.load.masking;

import io.tabula.masking.log.LogMasker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The masking layer's cost per log line. Goal: under 2 microseconds median for a typical 200-byte
 * line without card data ({@code typicalLine}); lines with a card take the slow path and are shown
 * for comparison.
 *
 * <p>Run: {@code java -jar load-tests/target/benchmarks.jar LogMasking}. Throughput over the
 * ordinary lines of {@link LogAuditBenchmark} (MB per second of the thread's CPU time, bytes
 * allocated per MB): {@code java -cp load-tests/target/benchmarks.jar
 * io.tabula.load.masking.LogMaskingBenchmark [MB] [runs]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogMaskingBenchmark {

  /** 200 characters: what the engine logs about a call step, with ids, times and numbers. */
  static final String TYPICAL_LINE =
      "Call 1795421793.33 tenant=city-parking flow=pay-ticket step=collect-ticket prompt"
          + " ticket-number played in 412 ms, 9 keys collected, session 3f2c9a1e-77b0-4c1a-9d0e"
          + "-5b6f1c2d8e90 on engine-2 zone fra1-a";

  static final String CARD_LINE =
      "Call 1795421793.33 tenant=city-parking flow=pay-ticket gateway reply echoed card 4111"
          + " 1111 1111 1111 exp 12/28 cvv=123 to the trace buffer after 412 ms on engine-2";

  private final LogMasker masker = LogMasker.standard();

  @Benchmark
  public String typicalLine() {
    return masker.mask(TYPICAL_LINE);
  }

  @Benchmark
  public String lineWithCardData() {
    return masker.mask(CARD_LINE);
  }

  public static void main(String[] args) throws IOException {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : LogAuditBenchmark.MEGABYTES;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path log = LogAuditBenchmark.write(megabytes);
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(log);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LogMasker masker = LogMasker.standard();
    for (int run = 1; run <= runs; run++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long bytes = 0;
      long masked = 0;
      for (String line : lines) {
        bytes += line.length() + 1;
        masked += masker.mask(line).equals(line) ? 0 : 1;
      }
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
      double mb = bytes / 1e6;
      System.out.printf(
          Locale.ROOT,
          "run %d: %.1f MB, %d lines masked: %.1f MB/s of CPU time, %,d bytes allocated per MB%n",
          run,
          mb,
          masked,
          mb / (cpu / 1e9),
          Math.round(allocated / mb));
    }
  }
}

package io.tabula.load.masking;

import io.tabula.masking.audit.AuditListener;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.LogAuditor;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code audit logs} throughput on plain text, one thread: a 32 MB log of ordinary lines (the
 * engine's text lines, Asterisk's full log, JSON lines; ids, times, amounts, IPs; no card) read
 * from disk. Goal: at least 50 MB/s per core with memory flat.
 *
 * <p>{@link #main} prints MB per second of the thread's CPU time (a fair per-core figure on a busy
 * machine) and of wall time, bytes allocated per MB audited, and the heap after a collection before
 * and after the runs: {@code java -cp load-tests/target/benchmarks.jar
 * io.tabula.load.masking.LogAuditBenchmark [MB] [runs]}. JMH: {@code java -jar
 * load-tests/target/benchmarks.jar LogAudit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LogAuditBenchmark {

  static final int MEGABYTES = 32;

  private Path log;

  @Setup(Level.Trial)
  public void writeLog() throws IOException {
    log = write(MEGABYTES);
  }

  @TearDown(Level.Trial)
  public void deleteLog() throws IOException {
    Files.deleteIfExists(log);
  }

  @Benchmark
  public AuditSummary auditPlainText() {
    return new LogAuditor().audit(List.of(log), finding -> {});
  }

  public static void main(String[] args) throws IOException {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : MEGABYTES;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path log = write(megabytes);
    try {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long heapBefore = heapAfterGc();
      AuditListener ignore = finding -> {};
      for (int run = 1; run <= runs; run++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        AuditSummary summary = new LogAuditor().audit(List.of(log), ignore);
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        double mb = summary.bytes() / 1e6;
        System.out.printf(
            Locale.ROOT,
            "run %d: %.1f MB, %d findings: %.1f MB/s of CPU time, %.1f MB/s wall, %,d bytes"
                + " allocated per MB%n",
            run,
            mb,
            summary.findings(),
            mb / (cpu / 1e9),
            mb / (wall / 1e9),
            Math.round(allocated / mb));
      }
      System.out.printf(
          Locale.ROOT,
          "heap after a collection: %,d bytes before the runs, %,d after%n",
          heapBefore,
          heapAfterGc());
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static long heapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Ordinary log lines, no card data, from a fixed seed. */
  static Path write(int megabytes) throws IOException {
    Path file = Files.createTempFile("log-audit-bench", ".log");
    SplittableRandom random = new SplittableRandom(50);
    long target = megabytes * 1_000_000L;
    long written = 0;
    long millis = 1_796_512_709_000L;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < target) {
        millis += random.nextInt(50);
        String line = line(random, millis);
        out.write(line);
        out.write('\n');
        written += line.length() + 1;
      }
    }
    return file;
  }

  private static String line(SplittableRandom random, long millis) {
    String time =
        String.format(
            Locale.ROOT,
            "2026-12-05 %02d:%02d:%02d.%03d",
            millis / 3_600_000 % 24,
            millis / 60_000 % 60,
            millis / 1000 % 60,
            millis % 1000);
    String call = (millis / 1000) + "." + random.nextInt(500);
    return switch (random.nextInt(6)) {
      case 0 ->
          time
              + " INFO  [city-parking "
              + call
              + "] i.t.engine.CallSession - step collect-ticket"
              + " prompt custom/ticket-number played in "
              + random.nextInt(900)
              + " ms, "
              + random.nextInt(10)
              + " keys collected";
      case 1 ->
          "["
              + time
              + "] VERBOSE["
              + (4000 + random.nextInt(900))
              + "][C-0000"
              + Integer.toHexString(4096 + random.nextInt(60000))
              + "] pbx.c: Executing [s@ivr-main:"
              + random.nextInt(9)
              + "] AGI(\"PJSIP/carrier-0000"
              + Integer.toHexString(4096 + random.nextInt(60000))
              + "\", \"agi://127.0.0.1:4573/city/parking\") in new stack";
      case 2 ->
          "{\"@timestamp\":\"2026-12-05T10:00:01.077Z\",\"@version\":\"1\",\"message\":\"charge"
              + " approved amount=45.00 currency=EUR in "
              + random.nextInt(900)
              + " ms\","
              + "\"logger_name\":\"io.tabula.pay.StripeConnector\",\"thread_name\":\"call-"
              + call
              + "\",\"level\":\"INFO\",\"level_value\":20000,\"call\":\""
              + call
              + "\",\"tenant\":\"city-parking\",\"flow\":\"pay-ticket\"}";
      case 3 ->
          "10."
              + random.nextInt(255)
              + "."
              + random.nextInt(255)
              + ".7 - - [05/Dec/2026:10:00:01"
              + " +0000] \"GET /api/v1/tickets/"
              + (10_000_000 + random.nextInt(80_000_000))
              + " HTTP/1.1\" 200 "
              + random.nextInt(9000)
              + " \"-\" \"okhttp/4.12.0\" rt="
              + random.nextInt(900) / 1000.0;
      case 4 ->
          time
              + " DEBUG [utility "
              + call
              + "] i.t.lookup.Balance - account lookup "
              + new UUID(random.nextLong(), random.nextLong())
              + " took "
              + random.nextInt(90)
              + " ms, pool active="
              + random.nextInt(20)
              + " idle="
              + random.nextInt(20);
      default ->
          "["
              + time
              + "] DTMF["
              + (4000 + random.nextInt(900))
              + "][C-00001a2b] channel.c: DTMF"
              + " end '"
              + random.nextInt(10)
              + "' received on PJSIP/carrier-0000"
              + Integer.toHexString(4096 + random.nextInt(60000))
              + ", duration "
              + (80 + random.nextInt(200))
              + " ms";
    };
  }
}

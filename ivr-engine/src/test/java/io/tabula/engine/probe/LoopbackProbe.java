package io.tabula.engine.probe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.server.Engine;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A quick in-process probe (not the load generator): engine and virtual PBX in one JVM over
 * loopback, {@code selftest/echo} calls with no media delay, N at a time. Prints calls per second
 * and the engine's command turnaround (PBX reply to next command) at p50, p99, p99.9.
 *
 * <pre>{@code
 * java -cp <test classpath> io.tabula.engine.probe.LoopbackProbe 20000 200
 * }</pre>
 */
public final class LoopbackProbe {

  private LoopbackProbe() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long[] turnarounds = new long[calls * 8];
    AtomicLong count = new AtomicLong();
    EngineConfig config =
        EngineConfig.defaults()
            .withPort(0)
            .withMemory(CallMemoryPoolConfig.defaults().withSlots(Math.max(1024, concurrent * 2)));
    try (Engine engine =
            Engine.start(
                config,
                SelfTestFlows.handlers(),
                new UnmutedRecordingControl(),
                new SimpleMeterRegistry());
        VirtualPbx pbx =
            VirtualPbx.create(
                PbxOptions.instant()
                    .withTurnaround(
                        nanos -> {
                          long i = count.getAndIncrement();
                          if (i < turnarounds.length) {
                            turnarounds[(int) i] = nanos;
                          }
                        }))) {
      run(pbx, engine, Math.min(calls, 2000), concurrent); // warm-up
      count.set(0);
      long started = System.nanoTime();
      int failed = run(pbx, engine, calls, concurrent);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] sorted = Arrays.copyOf(turnarounds, (int) Math.min(count.get(), turnarounds.length));
      Arrays.sort(sorted);
      System.out.printf(
          "%d calls, %d at a time, %d failed: %.0f calls/s; turnaround p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms (%d samples)%n",
          calls,
          concurrent,
          failed,
          calls / seconds,
          pct(sorted, 0.5),
          pct(sorted, 0.99),
          pct(sorted, 0.999),
          sorted.length);
    }
  }

  private static int run(VirtualPbx pbx, Engine engine, int calls, int concurrent)
      throws Exception {
    Semaphore slots = new Semaphore(concurrent);
    List<CompletableFuture<CallReport>> all = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      slots.acquire();
      CompletableFuture<CallReport> call =
          pbx.call(engine.address(), "selftest/echo", ScriptedCaller.keys("4242424242424242#"));
      call.whenComplete((r, e) -> slots.release());
      all.add(call);
    }
    int failed = 0;
    for (CompletableFuture<CallReport> call : all) {
      if (call.get().outcome() != CallReport.Outcome.ENGINE_HUNG_UP) {
        failed++;
      }
    }
    return failed;
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}

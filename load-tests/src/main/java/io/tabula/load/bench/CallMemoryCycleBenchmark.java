package io.tabula.load.bench;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
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
 * One call's secret-memory life: acquire a slot, key 16 card digits one at a time, Luhn-check them,
 * release with zeroing. Goal: under 1 microsecond median.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -jar load-tests/target/benchmarks.jar
 * CallMemoryCycle -bm sample -tu ns}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CallMemoryCycleBenchmark {

  /** Stripe's Visa test number. */
  private static final byte[] CARD = "4242424242424242".getBytes(StandardCharsets.US_ASCII);

  private CallMemoryPool pool;

  @Setup(Level.Trial)
  public void openPool() {
    pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults());
  }

  @TearDown(Level.Trial)
  public void closePool() {
    pool.close();
  }

  @Benchmark
  public boolean acquireAppendLuhnRelease() {
    return cycle(pool);
  }

  static boolean cycle(CallMemoryPool pool) {
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
      throw new IllegalStateException("pool full");
    }
    SecretField pan = memory.field("pan", 19);
    for (byte digit : CARD) {
      pan.append(digit);
    }
    boolean valid = pan.luhnValid();
    memory.release();
    return valid;
  }
}

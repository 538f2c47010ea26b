package io.tabula.engine.cli;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs the demo on the embedded defaults. Today it shows the engine's core promise on one call: a
 * test card keyed into the call's off-heap memory, the questions a flow can ask of it, and the
 * zeroing at hangup.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the end-to-end demo on the embedded defaults (no setup needed).")
final class DemoCommand implements Callable<Integer> {

  /** Stripe's published Visa test number: demo data, never a caller's. */
  private static final byte[] TEST_CARD = "4242424242424242".getBytes(StandardCharsets.US_ASCII);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CallMemoryPoolConfig config = CallMemoryPoolConfig.defaults().withSlots(16);
    try (CallMemoryPool pool = CallMemoryPool.open(config)) {
      out.printf(
          "Call memory: %d slots x %d bytes off-heap; %s%n",
          config.slots(), config.slotBytes(), pool.protections().summary());
      if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
        out.println("The engine is full.");
        return 1;
      }
      SecretField pan = memory.field("pan", 19);
      for (byte digit : TEST_CARD) {
        pan.append(digit);
      }
      out.printf("A caller keyed a test card into %s%n", pan);
      out.printf(
          "The flow may ask: Luhn valid=%s, brand=%s, ending in %s%n",
          pan.luhnValid(), pan.brand().displayName(), pan.lastFour());
      long started = System.nanoTime();
      boolean zeroed = memory.release();
      long micros = (System.nanoTime() - started) / 1_000;
      out.printf(
          "Hangup: %d-byte slot zeroed=%s in %d us; the field now reads %s%n",
          memory.slotBytes(), zeroed, micros, pan);
      out.println(
          "The full demo call (softphone, lookup, payment) arrives with the engine issues.");
      out.flush();
      return zeroed ? 0 : 1;
    }
  }
}

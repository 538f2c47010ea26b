package io.tabula.flows;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.masking.memory.CallMemoryPool;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Prints how fast flows compile and run (a harness main, not a test): {@code java -cp
 * ivr-engine/target/tabula.jar:call-flows/target/test-classes io.tabula.flows.FlowHarness}.
 */
public final class FlowHarness {

  private FlowHarness() {}

  public static void main(String[] args) throws Exception {
    String text = Files.readString(ShippedFlows.file("city/parking-ticket.yaml"));
    FlowCompiler compiler = new FlowCompiler(ShippedFlows.catalog());
    measure(
        "parse parking-ticket.yaml",
        2_000,
        () -> io.tabula.flows.parse.FlowParser.parse("p.yaml", text));
    measure(
        "compile parking-ticket.yaml (parse + validate)",
        2_000,
        () -> compiler.compile("p.yaml", text));
    Flow flow = compiler.compile("p.yaml", text).flow().orElseThrow();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      FlowSimulator simulator =
          new FlowSimulator(pool, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK);
      measure(
          "simulated paid call (28 call operations, lookup + payment)",
          5_000,
          () ->
              simulator.run(
                  flow,
                  KeySource.script("12345678# 1 4242424242424242# 1230 123"),
                  new Transcript()));
    }
  }

  private static void measure(String what, int times, Runnable work) {
    for (int i = 0; i < times / 4; i++) {
      work.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / times;
    System.out.printf(Locale.ROOT, "%-62s %8.1f us/op (%d ops)%n", what, micros, times);
  }
}

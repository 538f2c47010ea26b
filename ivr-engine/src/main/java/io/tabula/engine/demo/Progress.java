package io.tabula.engine.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Numbered start-up steps, each with how long it took: {@code [2/4] Gateway ... ready in 0.4 s}.
 */
final class Progress {

  private final PrintWriter out;
  private final int steps;
  private int step;

  Progress(PrintWriter out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Runs one step; {@code work} returns a short detail shown after the timing. */
  <T> T step(String label, Supplier<T> work, java.util.function.Function<T, String> detail) {
    step++;
    out.printf(Locale.ROOT, "[%d/%d] %s ...", step, steps, label);
    out.flush();
    long started = System.nanoTime();
    T result = work.get();
    out.printf(
        Locale.ROOT,
        " ready in %.1f s (%s)%n",
        (System.nanoTime() - started) / 1e9,
        detail.apply(result));
    out.flush();
    return result;
  }
}

package io.tabula.load.payment;

import java.time.Duration;

/**
 * How hard {@link PaymentThroughputBenchmark} pushes.
 *
 * @param concurrency calls paying at the same time (default 50)
 * @param payments measured payments (default 2,000)
 * @param warmup payments made first and not measured (default 300)
 * @param simulatorLatency delay the simulated processor adds to each reply (default none)
 */
public record PaymentLoadOptions(
    int concurrency, int payments, int warmup, Duration simulatorLatency) {

  public PaymentLoadOptions {
    if (concurrency < 1 || payments < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "concurrency and payments must be at least 1, warm-up at least 0");
    }
  }

  public static PaymentLoadOptions defaults() {
    return new PaymentLoadOptions(50, 2_000, 300, Duration.ZERO);
  }

  /** Parses {@code --concurrency N --payments N --warmup N --latency-ms N}. */
  public static PaymentLoadOptions parse(String[] args) {
    PaymentLoadOptions options = defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      options =
          switch (args[i]) {
            case "--concurrency" ->
                new PaymentLoadOptions(
                    value, options.payments, options.warmup, options.simulatorLatency);
            case "--payments" ->
                new PaymentLoadOptions(
                    options.concurrency, value, options.warmup, options.simulatorLatency);
            case "--warmup" ->
                new PaymentLoadOptions(
                    options.concurrency, options.payments, value, options.simulatorLatency);
            case "--latency-ms" ->
                new PaymentLoadOptions(
                    options.concurrency,
                    options.payments,
                    options.warmup,
                    Duration.ofMillis(value));
            default ->
                throw new IllegalArgumentException(
                    "unknown option "
                        + args[i]
                        + "; use --concurrency, --payments, --warmup or --latency-ms");
          };
    }
    return options;
  }
}

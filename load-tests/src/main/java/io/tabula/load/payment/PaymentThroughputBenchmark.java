package io.tabula.load.payment;

import io.tabula.connectors.payment.CardFields;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.IdempotencyKey;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.PaymentMetadata;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.connectors.simulator.GatewaySimulator;
import io.tabula.connectors.simulator.SimulatorOptions;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Payments per second and latency percentiles through the Stripe connector against the gateway
 * simulator over TLS, with N calls paying at once, and the share of time spent in the simulator
 * versus in Tabula. Both run in this JVM on loopback, so the figures are an upper bound for the
 * engine side, not for a remote processor.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp load-tests/target/benchmarks.jar \
 *     io.tabula.load.payment.PaymentThroughputBenchmark --concurrency 50 --payments 2000
 * </pre>
 */
public final class PaymentThroughputBenchmark {

  private static final String API_KEY = "sk_test_benchmark_0000";
  private static final byte[] CARD = "4242424242424242".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXPIRY = "1230".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CVC = "123".getBytes(StandardCharsets.US_ASCII);

  private PaymentThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    PaymentLoadOptions options = PaymentLoadOptions.parse(args);
    PaymentLoadResult result = run(options, PaymentThroughputBenchmark::progress);
    System.out.println();
    System.out.print(result.report(options));
  }

  private static void progress(int percent) {
    System.out.print("\rmeasuring: " + percent + " %");
    System.out.flush();
  }

  /** Runs the warm-up and the measured phase; {@code progress} hears 0..100 percent. */
  public static PaymentLoadResult run(PaymentLoadOptions options, IntConsumer progress)
      throws Exception {
    Path directory = Files.createTempDirectory("tabula-payment-bench");
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula benchmark CA");
    Path caPem = directory.resolve("ca.pem");
    Path keyFile = directory.resolve("key");
    ca.writeCertificatePem(caPem);
    Files.writeString(keyFile, API_KEY, StandardCharsets.US_ASCII);
    SimulatorOptions simulatorOptions =
        SimulatorOptions.loopback(ca, API_KEY).withLatency(options.simulatorLatency());
    try (GatewaySimulator simulator = GatewaySimulator.start(simulatorOptions);
        PaymentGateway gateway =
            PaymentGateways.open(
                GatewayConfig.of(
                    "stripe",
                    simulator.endpoint(),
                    SecretReference.file(keyFile),
                    Optional.of(caPem)));
        CallMemoryPool pool =
            CallMemoryPool.open(
                new CallMemoryPoolConfig(options.concurrency(), 256, false, false))) {
      CardPayments payments =
          new CardPayments(
              gateway, CardValidator.allBrands(Clock.systemUTC()), RetryPolicy.immediate(1));
      Phase warmup = new Phase("warmup", options.warmup(), options.concurrency());
      warmup.run(payments, pool, percent -> {});
      simulator.stats().reset();
      int chargesBefore = simulator.ledger().charges().size();
      Phase measured = new Phase("measured", options.payments(), options.concurrency());
      long started = System.nanoTime();
      measured.run(payments, pool, progress);
      long wall = System.nanoTime() - started;
      return new PaymentLoadResult(
          measured.latencies,
          wall,
          simulator.stats().busyNanos(),
          measured.approved.get(),
          simulator.ledger().charges().size() - chargesBefore);
    } finally {
      deleteQuietly(directory);
    }
  }

  /** A number of payments made by {@code concurrency} virtual threads. */
  private static final class Phase {
    private final String name;
    private final long[] latencies;
    private final int concurrency;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger approved = new AtomicInteger();

    Phase(String name, int payments, int concurrency) {
      this.name = name;
      this.latencies = new long[payments];
      this.concurrency = concurrency;
    }

    void run(CardPayments payments, CallMemoryPool pool, IntConsumer progress) throws Exception {
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
          workers.add(threads.submit(() -> work(payments, pool, progress)));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      }
      progress.accept(100);
    }

    private void work(CardPayments payments, CallMemoryPool pool, IntConsumer progress) {
      for (int index = next.getAndIncrement();
          index < latencies.length;
          index = next.getAndIncrement()) {
        long started = System.nanoTime();
        if (payOnce(payments, pool, name + "-" + index) instanceof PaymentOutcome.Approved) {
          approved.incrementAndGet();
        }
        latencies[index] = System.nanoTime() - started;
        if (index % Math.max(1, latencies.length / 20) == 0) {
          progress.accept(100 * index / latencies.length);
        }
      }
    }
  }

  private static PaymentOutcome payOnce(CardPayments payments, CallMemoryPool pool, String callId) {
    if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory call))) {
      throw new IllegalStateException("the benchmark's call-memory pool is full");
    }
    try (call) {
      CardFields card =
          new CardFields(
              key(call.field("pan", 19), CARD),
              key(call.field("expiry", 4), EXPIRY),
              key(call.field("cvc", 4), CVC));
      ChargeRequest request =
          new ChargeRequest(
              new BigDecimal("12.40"),
              Currency.getInstance("EUR"),
              card,
              IdempotencyKey.forAttempt(callId, 1),
              new PaymentMetadata("bench", "parking", callId));
      return payments.pay(request);
    }
  }

  private static SecretField key(SecretField field, byte[] digits) {
    for (byte digit : digits) {
      field.append(digit);
    }
    return field;
  }

  private static void deleteQuietly(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

package io.tabula.load.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark does the work it claims: every payment approved, one charge each. */
class PaymentThroughputBenchmarkTest {

  @Test
  void smallRunApprovesEveryPaymentChargesEachOnceAndReportsProgress() throws Exception {
    PaymentLoadOptions options = new PaymentLoadOptions(4, 20, 4, Duration.ZERO);
    List<Integer> progress = new ArrayList<>();

    PaymentLoadResult result = PaymentThroughputBenchmark.run(options, progress::add);

    assertThat(result.approved()).isEqualTo(20);
    assertThat(result.charges()).isEqualTo(20);
    assertThat(result.latenciesNanos()).hasSize(20);
    assertThat(java.util.Arrays.stream(result.latenciesNanos()).min().orElseThrow()).isPositive();
    assertThat(result.simulatorShare()).isBetween(0.0, 1.0);
    assertThat(progress).contains(100);
    assertThat(result.report(options)).contains("payments/s").contains("p99");
  }

  @Test
  void optionsParseFromTheCommandLine() {
    PaymentLoadOptions options =
        PaymentLoadOptions.parse(new String[] {"--concurrency", "8", "--latency-ms", "20"});

    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.payments()).isEqualTo(2_000);
    assertThat(options.simulatorLatency()).isEqualTo(Duration.ofMillis(20));
  }
}

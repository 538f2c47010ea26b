package io.tabula.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The round-trip timer operators scrape: count, total and the 0.5, 0.99 and 0.999 percentiles per
 * AGI verb, the percentiles over the last 30 to 60 seconds (two overlapping windows, cheaper to
 * record into than the three Micrometer gives the Prometheus registry by default).
 */
class EngineMetricsRoundTripTest {

  private final MockClock clock = new MockClock();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
  private final EngineMetrics metrics = new EngineMetrics(registry);

  @Test
  void operatorsSeeCountTotalAndThreePercentilesPerVerb() {
    for (int ms = 1; ms <= 1000; ms++) {
      metrics.commandRoundTrip("STREAM FILE", TimeUnit.MILLISECONDS.toNanos(ms));
    }

    Timer timer = timer("STREAM FILE");
    assertThat(timer.count()).isEqualTo(1000);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(500_500.0);
    assertThat(percentile(timer, 0.5)).isBetween(450.0, 550.0);
    assertThat(percentile(timer, 0.99)).isBetween(950.0, 1050.0);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("tabula_agi_command_roundtrip_seconds{command=\"STREAM FILE\",quantile=\"0.5\"}")
        .contains("tabula_agi_command_roundtrip_seconds{command=\"STREAM FILE\",quantile=\"0.99\"}")
        .contains(
            "tabula_agi_command_roundtrip_seconds{command=\"STREAM FILE\",quantile=\"0.999\"}")
        .contains("tabula_agi_command_roundtrip_seconds_count{command=\"STREAM FILE\"} 1000");
  }

  @Test
  void thePercentilesCoverTheLastHalfMinuteToMinuteAndTheCountEverything() {
    metrics.commandRoundTrip("GET DATA", TimeUnit.MILLISECONDS.toNanos(1)); // the timer's start
    clock.add(Duration.ofSeconds(25));
    metrics.commandRoundTrip("GET DATA", TimeUnit.MILLISECONDS.toNanos(900));
    clock.add(Duration.ofSeconds(20)); // 45 s: the slow one is 20 s old
    assertThat(percentile(timer("GET DATA"), 0.99)).isGreaterThan(800);

    clock.add(Duration.ofSeconds(16)); // 61 s: the slow one is 36 s old
    metrics.commandRoundTrip("GET DATA", TimeUnit.MILLISECONDS.toNanos(5));

    Timer timer = timer("GET DATA");
    assertThat(percentile(timer, 0.99))
        .as("the 900 ms of 36 s ago has left the window")
        .isLessThan(10);
    assertThat(timer.count()).isEqualTo(3);
  }

  private Timer timer(String verb) {
    return registry.get("tabula.agi.command.roundtrip").tag("command", verb).timer();
  }

  private static double percentile(Timer timer, double which) {
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == which) {
        return value.value(TimeUnit.MILLISECONDS);
      }
    }
    throw new AssertionError("no percentile " + which + "; publishPercentiles lost it?");
  }
}

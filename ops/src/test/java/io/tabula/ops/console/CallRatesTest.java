package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tabula.ops.access.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls per minute from successive scrapes of the engines' counters, on a clock the test moves. */
class CallRatesTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T03:00:00Z"));
  private final CallRates rates = new CallRates(clock);

  /** What an engine's {@code /metrics} says after {@code parking} and {@code bills} calls. */
  private static MetricsScraper.Scrape engine(String name, int parking, int bills) {
    String text =
        """
        # TYPE tabula_flow_calls_started_total counter
        tabula_flow_calls_started_total{flow="parking-ticket",tenant="city"} %d.0
        tabula_flow_calls_started_total{flow="bill-payment",tenant="utility"} %d.0
        tabula_flow_calls_active{flow="parking-ticket",tenant="city"} 3.0
        """
            .formatted(parking, bills);
    return new MetricsScraper.Scrape(name, MetricsScraper.parse(name, text), "");
  }

  @Test
  void oneScrapeGivesNoRateYet() {
    rates.record(List.of(engine("a", 10, 0)));

    assertThat(rates.perMinute()).isEmpty();
  }

  @Test
  void twoScrapesThirtySecondsApartGiveTheIncreasePerMinute() {
    rates.record(List.of(engine("a", 10, 4)));
    clock.advance(Duration.ofSeconds(30));
    rates.record(List.of(engine("a", 16, 4)));

    assertThat(rates.perMinute().get("city/parking-ticket")).isCloseTo(12.0, within(1e-9));
    assertThat(rates.perMinute().get("utility/bill-payment")).isZero();
  }

  @Test
  void enginesAreSummedPerTenantAndFlow() {
    rates.record(List.of(engine("a", 10, 0), engine("b", 100, 0)));
    clock.advance(Duration.ofSeconds(60));
    rates.record(List.of(engine("a", 13, 0), engine("b", 105, 0)));

    assertThat(rates.perMinute().get("city/parking-ticket")).isCloseTo(8.0, within(1e-9));
  }

  @Test
  void onlyTheLastMinuteCounts() {
    rates.record(List.of(engine("a", 0, 0)));
    clock.advance(Duration.ofMinutes(5));
    rates.record(List.of(engine("a", 500, 0)));
    clock.advance(Duration.ofSeconds(20));
    rates.record(List.of(engine("a", 500, 0)));
    clock.advance(Duration.ofSeconds(20));
    rates.record(List.of(engine("a", 502, 0)));
    clock.advance(Duration.ofSeconds(20));
    rates.record(List.of(engine("a", 504, 0)));
    clock.advance(Duration.ofSeconds(20));
    rates.record(List.of(engine("a", 506, 0)));

    // The burst five minutes ago is gone: 6 calls in the last 60 seconds.
    assertThat(rates.perMinute().get("city/parking-ticket")).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void anEngineThatRestartedCountsFromZero() {
    rates.record(List.of(engine("a", 40, 0)));
    clock.advance(Duration.ofSeconds(30));
    rates.record(List.of(engine("a", 2, 0)));

    assertThat(rates.perMinute().get("city/parking-ticket")).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void scrapesCloserThanTenSecondsSayNothingYet() {
    rates.record(List.of(engine("a", 10, 0)));
    clock.advance(Duration.ofSeconds(3));
    rates.record(List.of(engine("a", 11, 0)));

    assertThat(rates.perMinute()).isEmpty();
  }
}

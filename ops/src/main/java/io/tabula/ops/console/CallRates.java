package io.tabula.ops.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Calls per minute per tenant and flow, from successive scrapes of the engines' {@code
 * tabula_flow_calls_started_total} counters: what Prometheus's {@code
 * rate(tabula_flow_calls_started_total[1m]) * 60} gives, for consoles without a Prometheus.
 *
 * <p>Each engine's counter is kept apart (a counter lives in one process) and its increase is taken
 * between its newest sample and the oldest one of the last minute; an engine that restarted counts
 * from zero again, so a counter that went down counts its new value as the increase. Two samples
 * closer than {@link #SHORTEST} say nothing yet: a rate over a few milliseconds would be noise.
 */
final class CallRates {

  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration SHORTEST = Duration.ofSeconds(10);
  private static final String STARTED = "tabula_flow_calls_started_total";

  private record Sample(Instant at, double value) {}

  private final Clock clock;
  // engine + tenant + flow -> samples, oldest first
  private final Map<String, Deque<Sample>> samples = new HashMap<>();
  private final Map<String, String> flowOf = new HashMap<>();

  CallRates(Clock clock) {
    this.clock = clock;
  }

  /** Notes the started counters of {@code scrapes}, taken now. */
  synchronized void record(Iterable<MetricsScraper.Scrape> scrapes) {
    Instant now = clock.instant();
    for (MetricsScraper.Scrape scrape : scrapes) {
      for (MetricsScraper.Series s : scrape.series()) {
        if (!s.name().equals(STARTED)) {
          continue;
        }
        String flow = s.label("tenant") + "/" + s.label("flow");
        String key = s.engine() + " " + flow;
        flowOf.put(key, flow);
        Deque<Sample> series = samples.computeIfAbsent(key, k -> new ArrayDeque<>());
        // Reloads in quick succession replace the newest sample: at most one a second is kept.
        if (!series.isEmpty() && series.peekLast().at().isAfter(now.minusSeconds(1))) {
          series.pollLast();
        }
        series.addLast(new Sample(now, s.value()));
      }
    }
    prune(now);
  }

  /**
   * Calls started per minute over the last minute, per {@code tenant/flow}, summed over the
   * engines; a flow is missing until two samples at least {@link #SHORTEST} apart exist.
   */
  synchronized Map<String, Double> perMinute() {
    Map<String, Double> rates = new TreeMap<>();
    for (Map.Entry<String, Deque<Sample>> entry : samples.entrySet()) {
      rate(entry.getValue())
          .ifPresent(rate -> rates.merge(flowOf.get(entry.getKey()), rate, Double::sum));
    }
    return rates;
  }

  private static Optional<Double> rate(Deque<Sample> series) {
    Sample newest = series.peekLast();
    Sample baseline = series.peekFirst();
    if (newest == null || Duration.between(baseline.at(), newest.at()).compareTo(SHORTEST) < 0) {
      return Optional.empty();
    }
    double increase =
        newest.value() >= baseline.value() ? newest.value() - baseline.value() : newest.value();
    double seconds = Duration.between(baseline.at(), newest.at()).toMillis() / 1000.0;
    return Optional.of(increase / seconds * 60.0);
  }

  /**
   * Whether the oldest sample is no longer needed: the next one is also before the minute, or is in
   * it and far enough from the newest to measure from.
   */
  private static boolean outgrown(Deque<Sample> series, Instant start) {
    Iterator<Sample> oldestFirst = series.iterator();
    Sample oldest = oldestFirst.next();
    Sample next = oldestFirst.next();
    if (next.at().isBefore(start)) {
      return true;
    }
    return oldest.at().isBefore(start)
        && Duration.between(next.at(), series.peekLast().at()).compareTo(SHORTEST) >= 0;
  }

  /**
   * Keeps, per series, the samples of the last minute, and the newest one before it as long as no
   * sample of the minute is old enough to measure from.
   */
  private void prune(Instant now) {
    Instant start = now.minus(WINDOW);
    Iterator<Map.Entry<String, Deque<Sample>>> entries = samples.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Deque<Sample>> entry = entries.next();
      Deque<Sample> series = entry.getValue();
      while (series.size() > 1 && outgrown(series, start)) {
        series.pollFirst();
      }
      if (series.peekLast().at().isBefore(now.minus(WINDOW.multipliedBy(2)))) {
        entries.remove();
        flowOf.remove(entry.getKey());
      }
    }
  }
}

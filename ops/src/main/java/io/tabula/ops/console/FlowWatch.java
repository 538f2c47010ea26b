package io.tabula.ops.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the watch page: a tenant's flow, summed over every engine that answered: calls in
 * progress, calls started and how calls ended ({@code tabula_flow_calls_*}).
 */
public record FlowWatch(
    String tenant, String flow, double active, double started, Map<String, Double> ended) {

  /** The outcomes the engine counts, in the order the page shows them. */
  public static final List<String> OUTCOMES =
      List.of("paid", "declined", "unknown", "transferred", "abandoned", "error", "completed");

  public String count(String outcome) {
    return whole(ended.getOrDefault(outcome, 0.0));
  }

  public String activeCount() {
    return whole(active);
  }

  public String startedCount() {
    return whole(started);
  }

  /**
   * Calls started per minute over the last minute ({@link CallRates}), one decimal; a dash until
   * the console has two scrapes of this flow's counters far enough apart.
   */
  public String perMinute(Map<String, Double> rates) {
    Double rate = rates.get(tenant + "/" + flow);
    return rate == null ? "\u2013" : String.format(Locale.ROOT, "%.1f", rate);
  }

  private static String whole(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  /** The rows for {@code scrapes}, by tenant then flow. */
  static List<FlowWatch> of(List<MetricsScraper.Scrape> scrapes) {
    Map<String, Sums> rows = new TreeMap<>();
    for (MetricsScraper.Scrape scrape : scrapes) {
      for (MetricsScraper.Series s : scrape.series()) {
        if (!s.name().startsWith("tabula_flow_calls_")) {
          continue;
        }
        Sums sums =
            rows.computeIfAbsent(
                s.label("tenant") + "/" + s.label("flow"),
                k -> new Sums(s.label("tenant"), s.label("flow")));
        switch (s.name()) {
          case "tabula_flow_calls_active" -> sums.active += s.value();
          case "tabula_flow_calls_started_total" -> sums.started += s.value();
          case "tabula_flow_calls_ended_total" ->
              sums.ended.merge(s.label("outcome"), s.value(), Double::sum);
          default -> {
            // a series this console does not know yet
          }
        }
      }
    }
    List<FlowWatch> watch = new ArrayList<>();
    for (Sums sums : rows.values()) {
      watch.add(new FlowWatch(sums.tenant, sums.flow, sums.active, sums.started, sums.ended));
    }
    return watch;
  }

  private static final class Sums {
    final String tenant;
    final String flow;
    double active;
    double started;
    final Map<String, Double> ended = new LinkedHashMap<>();

    Sums(String tenant, String flow) {
      this.tenant = tenant;
      this.flow = flow;
    }
  }
}

package io.tabula.ops.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the engines' {@code /metrics} (Prometheus text) for the watch page: the {@code
 * tabula_calls_*} series only, which carry outcomes and reasons (and tenant and flow where the
 * engine tags them), never anything about a caller.
 */
public final class MetricsScraper {

  /** One series of one engine. */
  public record Series(String engine, String name, Map<String, String> labels, double value) {
    public String label(String key) {
      return labels.getOrDefault(key, "");
    }
  }

  /** What one engine answered, or why it did not. */
  public record Scrape(String engine, List<Series> series, String problem) {}

  private static final Pattern LINE =
      Pattern.compile("(tabula_(?:flow_)?calls_[a-z_]+)(?:\\{([^}]*)\\})?\\s+([-+0-9.eE]+|NaN)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<URI> engines;
  private final String token;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  MetricsScraper(List<URI> engines, String token) {
    this.engines = engines;
    this.token = token;
  }

  List<Scrape> scrape() {
    List<Scrape> scrapes = new ArrayList<>();
    for (URI engine : engines) {
      scrapes.add(scrape(engine));
    }
    return scrapes;
  }

  private Scrape scrape(URI engine) {
    try {
      HttpResponse<String> response =
          client.send(request(engine), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Scrape(
            engine.toString(),
            List.of(),
            "answered HTTP " + response.statusCode() + "; check its admin token and address");
      }
      return new Scrape(engine.toString(), parse(engine.toString(), response.body()), "");
    } catch (IOException e) {
      return new Scrape(
          engine.toString(),
          List.of(),
          "unreachable (" + e.getClass().getSimpleName() + "); is the engine running?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Scrape(engine.toString(), List.of(), "interrupted");
    }
  }

  private HttpRequest request(URI engine) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(engine.resolve("/metrics")).timeout(Duration.ofSeconds(3));
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  static List<Series> parse(String engine, String text) {
    List<Series> series = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.add(new Series(engine, m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return series;
  }
}

package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watch: calls in progress, calls per minute and outcomes, per engine (and per tenant and flow
 * where tagged). The engines are also scraped every {@link #SAMPLE_EVERY_SECONDS} seconds in the
 * background, so calls per minute is there at the first look, not only after a reload.
 */
final class WatchPage implements AutoCloseable {

  static final long SAMPLE_EVERY_SECONDS = 10;

  private final MetricsScraper scraper;
  private final Templates templates;
  private final FlowPages pages;
  private final CallRates rates;
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("console-watch-sampler").factory());

  WatchPage(MetricsScraper scraper, Templates templates, FlowPages pages, Clock clock) {
    this.scraper = scraper;
    this.templates = templates;
    this.pages = pages;
    this.rates = new CallRates(clock);
  }

  /** Starts scraping in the background; {@link #close} stops it. */
  WatchPage sampling() {
    sampler.scheduleWithFixedDelay(
        () -> rates.record(scraper.scrape()),
        SAMPLE_EVERY_SECONDS,
        SAMPLE_EVERY_SECONDS,
        TimeUnit.SECONDS);
    return this;
  }

  void routes(RoutesConfig routes) {
    routes.get(
        "/watch",
        ctx -> {
          List<MetricsScraper.Scrape> scrapes = scraper.scrape();
          rates.record(scrapes);
          templates.page(
              ctx,
              "watch.jte",
              Map.of(
                  "page",
                  pages.page(ctx, "Watch"),
                  "flows",
                  FlowWatch.of(scrapes),
                  "rates",
                  rates.perMinute(),
                  "scrapes",
                  scrapes));
        });
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}

package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/** Watch: calls in progress and outcomes, per engine (and per tenant and flow where tagged). */
final class WatchPage {

  private final MetricsScraper scraper;
  private final Templates templates;
  private final FlowPages pages;

  WatchPage(MetricsScraper scraper, Templates templates, FlowPages pages) {
    this.scraper = scraper;
    this.templates = templates;
    this.pages = pages;
  }

  void routes(RoutesConfig routes) {
    routes.get(
        "/watch",
        ctx -> {
          List<MetricsScraper.Scrape> scrapes = scraper.scrape();
          templates.page(
              ctx,
              "watch.jte",
              Map.of(
                  "page",
                  pages.page(ctx, "Watch"),
                  "flows",
                  FlowWatch.of(scrapes),
                  "scrapes",
                  scrapes));
        });
  }
}

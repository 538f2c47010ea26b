package io.tabula.engine.admin;

import java.util.List;

/**
 * The answer of {@code /ready} or {@code /live}: passing, or failing with the reasons (each names
 * what is missing and what brings it back).
 *
 * @param passing whether the probe passes (HTTP 200) or not (HTTP 503)
 * @param reasons why it fails; empty when it passes
 */
public record ProbeResult(boolean passing, List<String> reasons) {

  public static final ProbeResult PASSING = new ProbeResult(true, List.of());

  public ProbeResult {
    reasons = List.copyOf(reasons);
  }

  /** Passing when {@code reasons} is empty, failing with them otherwise. */
  public static ProbeResult of(List<String> reasons) {
    return reasons.isEmpty() ? PASSING : new ProbeResult(false, reasons);
  }
}

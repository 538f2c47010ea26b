package io.tabula.connectors.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One confirmation the simulated processor handled: a charge (money moved) or a decline. It keeps
 * the brand and last four only, as a real processor's reports do.
 */
public record LedgerEntry(
    String paymentIntent,
    String idempotencyKey,
    long amountMinor,
    String currency,
    String brand,
    String lastFour,
    boolean charged,
    String declineCode,
    Map<String, String> metadata,
    Instant at) {

  public LedgerEntry {
    metadata = Map.copyOf(metadata);
  }
}

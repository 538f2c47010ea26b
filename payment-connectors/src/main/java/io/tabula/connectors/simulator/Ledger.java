package io.tabula.connectors.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated processor did, for tests to count: every confirmation (charge or decline) and
 * every HTTP request that reached the handler.
 *
 * <pre>{@code
 * assertThat(simulator.ledger().charges()).hasSize(1);
 * }</pre>
 */
public final class Ledger {

  private final List<LedgerEntry> entries = new CopyOnWriteArrayList<>();
  private final AtomicLong requests = new AtomicLong();

  void record(LedgerEntry entry) {
    entries.add(entry);
  }

  void countRequest() {
    requests.incrementAndGet();
  }

  /** Every confirmation, in order. */
  public List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  /** Only the confirmations that moved money. */
  public List<LedgerEntry> charges() {
    return entries.stream().filter(LedgerEntry::charged).toList();
  }

  /** The charges whose metadata {@code reference} is {@code reference}. */
  public List<LedgerEntry> chargesFor(String reference) {
    return charges().stream().filter(e -> reference.equals(e.metadata().get("reference"))).toList();
  }

  /** HTTP requests handled (replays and errors included). */
  public long requests() {
    return requests.get();
  }
}

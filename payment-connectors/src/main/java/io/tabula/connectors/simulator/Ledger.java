package io.tabula.connectors.simulator;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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

  /**
   * One line for a person: charges with their totals per currency, declines and requests, e.g.
   * {@code 2 charges (USD 90.00), 1 decline, 7 requests}.
   */
  public String summary() {
    List<LedgerEntry> charged = charges();
    Map<String, Long> totals = new TreeMap<>();
    charged.forEach(
        e -> totals.merge(e.currency().toUpperCase(Locale.ROOT), e.amountMinor(), Long::sum));
    String amounts =
        totals.entrySet().stream()
            .map(t -> t.getKey() + " " + major(t.getKey(), t.getValue()))
            .collect(Collectors.joining(", "));
    long declines = entries.size() - charged.size();
    return plural(charged.size(), "charge")
        + (amounts.isEmpty() ? "" : " (" + amounts + ")")
        + ", "
        + plural(declines, "decline")
        + ", "
        + plural(requests.get(), "request");
  }

  private static String major(String currency, long minor) {
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2; // not an ISO 4217 code; the simulator accepts any three letters
    }
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** HTTP requests handled (replays and errors included). */
  public long requests() {
    return requests.get();
  }
}

package io.tabula.flows.connect;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The demo data the shipped flows run against in the simulator and in tests: parking tickets of the
 * tenant {@code city} and utility accounts (with ZIP codes) of the tenant {@code utility}.
 *
 * <table>
 *   <caption>Demo records</caption>
 *   <tr><td>city / ticket 12345678</td><td>USD 45.00, due 2026-12-15, plate 7ABC123</td></tr>
 *   <tr><td>city / ticket 87654321</td><td>USD 0.00 (paid)</td></tr>
 *   <tr><td>city / ticket 55555555</td><td>USD 120.50, due 2026-11-30</td></tr>
 *   <tr><td>utility / account 1002003004, ZIP 94110</td><td>USD 82.17, due 2026-12-05, Dana</td></tr>
 *   <tr><td>utility / account 2003004005, ZIP 10001</td><td>USD 0.00, Lee</td></tr>
 * </table>
 */
public final class DemoConnectors {

  /** The connector names the shipped flows use. */
  public static final String CITY_RECORDS = "city-parking";

  public static final String CITY_PAY = "city-pay";
  public static final String UTILITY_RECORDS = "utility-billing";
  public static final String UTILITY_PAY = "utility-pay";

  private static final Currency USD = Currency.getInstance("USD");

  private DemoConnectors() {}

  /** Fresh connectors with the demo data; the payment side judges expiry against {@code clock}. */
  public static Connectors create(Clock clock) {
    YearMonth now = YearMonth.now(clock);
    return Connectors.of(
        List.of(cityRecords(), utilityRecords()),
        List.of(
            new InMemoryPaymentConnector(CITY_PAY, now),
            new InMemoryPaymentConnector(UTILITY_PAY, now)));
  }

  static InMemoryLookupConnector cityRecords() {
    return new InMemoryLookupConnector(CITY_RECORDS)
        .row(
            "city",
            "ticket",
            Map.of("ticket", "12345678"),
            ticket("45.00", "2026-12-15", "7ABC123"))
        .row(
            "city", "ticket", Map.of("ticket", "87654321"), ticket("0.00", "2026-10-01", "4XYZ987"))
        .row(
            "city",
            "ticket",
            Map.of("ticket", "55555555"),
            ticket("120.50", "2026-11-30", "8KLM456"));
  }

  static InMemoryLookupConnector utilityRecords() {
    return new InMemoryLookupConnector(UTILITY_RECORDS)
        .row(
            "utility",
            "account",
            Map.of("account", "1002003004", "zip", "94110"),
            account("82.17", "2026-12-05", "Dana"))
        .row(
            "utility",
            "account",
            Map.of("account", "2003004005", "zip", "10001"),
            account("0.00", "2026-12-20", "Lee"));
  }

  private static Map<String, Value> ticket(String balance, String due, String plate) {
    return Map.of(
        "balance", money(balance),
        "due_date", new Value.Date(LocalDate.parse(due)),
        "plate", new Value.Text(plate));
  }

  private static Map<String, Value> account(String balance, String due, String name) {
    return Map.of(
        "balance", money(balance),
        "due_date", new Value.Date(LocalDate.parse(due)),
        "name", new Value.Text(name));
  }

  private static Value.Money money(String amount) {
    return new Value.Money(new BigDecimal(amount), USD);
  }
}

package io.tabula.connectors.embedded;

import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.ResultColumn;
import java.util.List;
import java.util.Set;

/**
 * The named lookups of the demo tenant, over the tables of {@code demo-schema.sql}. The utility
 * lookup takes the account number as a secret field (the caller keys it) and the ZIP code as a
 * plain value; the parking lookups take only non-secret inputs.
 */
public final class DemoLookups {

  public static final String PARKING_TICKET = "parking-ticket";
  public static final String PARKING_BY_PLATE = "parking-by-plate";
  public static final String UTILITY_BALANCE = "utility-balance";

  private DemoLookups() {}

  public static List<LookupQuery> all() {
    return List.of(parkingTicket(), parkingByPlate(), utilityBalance());
  }

  /** Ticket by number: amount due, due date and status. */
  public static LookupQuery parkingTicket() {
    return LookupQuery.of(
        PARKING_TICKET,
        "select amount_due, currency, due_date, status from parking_tickets"
            + " where ticket_number = :ticket",
        ResultColumn.money("amount", "amount_due", "currency"),
        ResultColumn.date("due", "due_date"),
        ResultColumn.text("status", "status"));
  }

  /** The open ticket due soonest for a plate, and the total owed on that plate. */
  public static LookupQuery parkingByPlate() {
    return LookupQuery.of(
        PARKING_BY_PLATE,
        "select ticket_number, due_date, currency,"
            + " sum(amount_due) over () as total_due from parking_tickets"
            + " where plate = :plate and status = 'open' order by due_date limit 1",
        ResultColumn.text("ticket", "ticket_number"),
        ResultColumn.date("due", "due_date"),
        ResultColumn.money("total", "total_due", "currency"));
  }

  /** Utility balance by account number (secret) and ZIP code (plain): both must match. */
  public static LookupQuery utilityBalance() {
    return new LookupQuery(
        UTILITY_BALANCE,
        "select holder_name, balance, currency, due_date from utility_accounts"
            + " where account_number = :account and zip_code = :zip",
        Set.of("account"),
        List.of(
            ResultColumn.text("holder", "holder_name"),
            ResultColumn.money("balance", "balance", "currency"),
            ResultColumn.date("due", "due_date")));
  }
}

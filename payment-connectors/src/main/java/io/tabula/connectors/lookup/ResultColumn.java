package io.tabula.connectors.lookup;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * How one column of a lookup's result becomes a typed value. Money takes its currency either from
 * another column (ISO 4217 code) or from the configuration.
 *
 * <pre>{@code
 * ResultColumn.money("amount", "amount_due", "currency");
 * ResultColumn.moneyIn("balance", "balance", Currency.getInstance("USD"));
 * ResultColumn.date("due", "due_date");
 * ResultColumn.text("status", "status");
 * }</pre>
 */
public record ResultColumn(
    String name,
    String column,
    ValueType type,
    Optional<String> currencyColumn,
    Optional<Currency> currency) {

  /** The kinds of value a flow can speak. */
  public enum ValueType {
    MONEY,
    DATE,
    TEXT
  }

  public ResultColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    if (type == ValueType.MONEY && currencyColumn.isEmpty() && currency.isEmpty()) {
      throw new IllegalArgumentException(
          "money column '" + name + "' needs a currency column or a fixed currency");
    }
  }

  public static ResultColumn money(String name, String column, String currencyColumn) {
    return new ResultColumn(
        name, column, ValueType.MONEY, Optional.of(currencyColumn), Optional.empty());
  }

  public static ResultColumn moneyIn(String name, String column, Currency currency) {
    return new ResultColumn(name, column, ValueType.MONEY, Optional.empty(), Optional.of(currency));
  }

  public static ResultColumn date(String name, String column) {
    return new ResultColumn(name, column, ValueType.DATE, Optional.empty(), Optional.empty());
  }

  public static ResultColumn text(String name, String column) {
    return new ResultColumn(name, column, ValueType.TEXT, Optional.empty(), Optional.empty());
  }
}

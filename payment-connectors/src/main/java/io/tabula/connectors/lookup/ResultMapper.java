package io.tabula.connectors.lookup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the configured columns of the current row into typed values; a SQL NULL is left out. */
final class ResultMapper {

  private ResultMapper() {}

  static Map<String, LookupValue> map(ResultSet row, List<ResultColumn> columns)
      throws SQLException {
    Map<String, LookupValue> values = new LinkedHashMap<>();
    for (ResultColumn column : columns) {
      LookupValue value = read(row, column);
      if (value != null) {
        values.put(column.name(), value);
      }
    }
    return values;
  }

  private static LookupValue read(ResultSet row, ResultColumn column) throws SQLException {
    return switch (column.type()) {
      case MONEY -> money(row, column);
      case DATE -> {
        LocalDate date = row.getObject(column.column(), LocalDate.class);
        yield date == null ? null : new LookupValue.Date(date);
      }
      case TEXT -> {
        String text = row.getString(column.column());
        yield text == null ? null : new LookupValue.Text(text);
      }
    };
  }

  private static LookupValue money(ResultSet row, ResultColumn column) throws SQLException {
    BigDecimal amount = row.getBigDecimal(column.column());
    if (amount == null) {
      return null;
    }
    Currency currency = column.currency().orElse(null);
    if (currency == null) {
      String code = row.getString(column.currencyColumn().orElseThrow());
      try {
        currency = Currency.getInstance(code == null ? "" : code.trim());
      } catch (IllegalArgumentException e) {
        throw new SQLException(
            "column '"
                + column.currencyColumn().orElseThrow()
                + "' holds no ISO 4217 currency code; fix the data or configure a fixed currency",
            "22000",
            e);
      }
    }
    return new LookupValue.Money(amount, currency);
  }
}

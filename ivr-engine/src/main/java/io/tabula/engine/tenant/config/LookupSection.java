package io.tabula.engine.tenant.config;

import io.tabula.connectors.lookup.LookupQuery;
import io.tabula.connectors.lookup.ResultColumn;
import io.tabula.flows.model.SourcePos;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Reads {@code database.lookups}: each named lookup's SQL, the parameters the caller keys (sent as
 * bytes, never as a String), and how result columns become flow values.
 *
 * <pre>{@code
 * ticket:
 *   sql: select amount_due, currency from parking_tickets where ticket_number = :ticket
 *   secretParameters: [ticket]
 *   columns:
 *     balance: {money: amount_due, currencyColumn: currency}
 * }</pre>
 */
final class LookupSection {

  static final List<String> KEYS = List.of("sql", "secretParameters", "columns");
  static final List<String> COLUMN_KEYS =
      List.of("money", "date", "text", "currencyColumn", "currency");

  private LookupSection() {}

  static List<LookupQuery> readAll(YamlSection lookups) {
    List<LookupQuery> queries = new ArrayList<>();
    if (lookups.entries().isEmpty()) {
      lookups.problem(
          lookups.pos(),
          lookups.where() + " lists no lookups",
          "add one, e.g. 'ticket: {sql: ..., columns: {...}}', named as the flows' lookup.name");
    }
    for (String name : lookups.entries().keySet()) {
      lookups.section(name, true).flatMap(section -> read(name, section)).ifPresent(queries::add);
    }
    return queries;
  }

  private static Optional<LookupQuery> read(String name, YamlSection lookup) {
    lookup.allowOnly(KEYS);
    Optional<String> sql = lookup.text("sql", true);
    SequencedSet<String> used = sql.map(text -> parameters(lookup, text)).orElse(null);
    Set<String> secret = new LinkedHashSet<>();
    for (Map.Entry<String, SourcePos> parameter :
        lookup.list("secretParameters").orElse(List.of())) {
      if (used != null && !used.contains(parameter.getKey())) {
        lookup.problem(
            parameter.getValue(),
            "secret parameter '"
                + parameter.getKey()
                + "' does not appear in the SQL of lookup '"
                + name
                + "'",
            used.isEmpty()
                ? "write :" + parameter.getKey() + " in the SQL where the keyed value goes"
                : "use one of the SQL's parameters: :" + String.join(", :", used));
      }
      secret.add(parameter.getKey());
    }
    List<ResultColumn> columns =
        lookup.section("columns", true).map(LookupSection::columns).orElse(List.of());
    if (sql.isEmpty() || columns.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LookupQuery(name, sql.get(), secret, columns));
  }

  private static SequencedSet<String> parameters(YamlSection lookup, String sql) {
    try {
      return new LookupQuery("check", sql, Set.of(), List.of(ResultColumn.text("x", "x")))
          .parameterNames();
    } catch (IllegalArgumentException e) {
      lookup.problem(lookup.pos("sql"), e.getMessage(), "close the quote in the SQL");
      return null;
    }
  }

  private static List<ResultColumn> columns(YamlSection columns) {
    List<ResultColumn> out = new ArrayList<>();
    if (columns.entries().isEmpty()) {
      columns.problem(
          columns.pos(),
          columns.where() + " maps no result column",
          "add one, e.g. 'balance: {money: amount_due, currencyColumn: currency}'");
    }
    for (String name : columns.entries().keySet()) {
      columns.section(name, true).flatMap(c -> column(name, c)).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ResultColumn> column(String name, YamlSection column) {
    column.allowOnly(COLUMN_KEYS);
    List<String> kinds = List.of("money", "date", "text").stream().filter(column::has).toList();
    if (kinds.size() != 1) {
      column.problem(
          column.pos(),
          "column '"
              + name
              + "' needs exactly one of money, date or text"
              + (kinds.isEmpty() ? "" : ", not " + kinds),
          "write e.g. {money: amount_due, currencyColumn: currency}, {date: due_date} or {text: holder}");
      return Optional.empty();
    }
    String kind = kinds.getFirst();
    Optional<String> source = column.text(kind, true);
    if (!kind.equals("money")) {
      if (column.has("currency") || column.has("currencyColumn")) {
        column.problem(
            column.keyPos(column.has("currency") ? "currency" : "currencyColumn"),
            "a currency belongs to money columns, not to " + kind + " column '" + name + "'",
            "remove it");
      }
      return source.map(
          s -> kind.equals("date") ? ResultColumn.date(name, s) : ResultColumn.text(name, s));
    }
    return source.flatMap(s -> money(name, s, column));
  }

  private static Optional<ResultColumn> money(String name, String source, YamlSection column) {
    boolean fromColumn = column.has("currencyColumn");
    if (fromColumn == column.has("currency")) {
      column.problem(
          column.pos(),
          "money column '"
              + name
              + "' needs currencyColumn or currency"
              + (fromColumn ? ", not both" : ""),
          "add 'currencyColumn: <column with ISO codes>' or 'currency: USD'");
      return Optional.empty();
    }
    if (fromColumn) {
      return column.text("currencyColumn", true).map(c -> ResultColumn.money(name, source, c));
    }
    Optional<String> code = column.text("currency", true);
    try {
      return code.map(c -> ResultColumn.moneyIn(name, source, Currency.getInstance(c)));
    } catch (IllegalArgumentException e) {
      column.problem(
          column.pos("currency"),
          "'" + code.orElse("") + "' is not an ISO 4217 currency code",
          "write a code such as USD, EUR or GBP");
      return Optional.empty();
    }
  }
}

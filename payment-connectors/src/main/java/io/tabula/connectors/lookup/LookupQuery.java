package io.tabula.connectors.lookup;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named, parameterised query from a tenant's configuration. Parameters appear in the SQL as
 * {@code :name}; those listed in {@code secretParameters} must be given as secret fields and are
 * streamed to the server as bytes (PostgreSQL only), the others as plain values.
 *
 * <pre>{@code
 * new LookupQuery("utility-balance",
 *     "select balance, due_date from utility_accounts where account_number = :account and zip = :zip",
 *     Set.of("account"),
 *     List.of(ResultColumn.moneyIn("balance", "balance", Currency.getInstance("USD")),
 *             ResultColumn.date("due", "due_date")));
 * }</pre>
 */
public record LookupQuery(
    String name, String sql, Set<String> secretParameters, List<ResultColumn> columns) {

  public LookupQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    secretParameters = Set.copyOf(secretParameters);
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("lookup '" + name + "' maps no result columns");
    }
  }

  /**
   * The {@code :name} parameters the SQL uses, in order of first use; a configuration loader checks
   * the declared secret parameters against them.
   *
   * @throws IllegalArgumentException when the SQL has an unterminated quote
   */
  public java.util.SequencedSet<String> parameterNames() {
    return new java.util.LinkedHashSet<>(NamedSql.parse(sql, Set.of()).order());
  }

  /** A lookup whose parameters are all plain values. */
  public static LookupQuery of(String name, String sql, ResultColumn... columns) {
    return new LookupQuery(name, sql, Set.of(), List.of(columns));
  }
}

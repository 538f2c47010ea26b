package io.tabula.connectors.lookup;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A lookup query checked and translated once, when the tenant's pool opens: its JDBC SQL, the order
 * of its parameters, and which of them must be secret fields.
 */
record PreparedLookup(LookupQuery query, NamedSql sql) {

  static PreparedLookup of(LookupQuery query, DatabaseDialect dialect) {
    if (!query.secretParameters().isEmpty() && !dialect.isPostgresql()) {
      throw new IllegalArgumentException(
          "lookup '"
              + query.name()
              + "' takes secret parameters, which only the PostgreSQL"
              + " connector can send without making a String; use non-secret inputs for "
              + dialect.name());
    }
    NamedSql sql = NamedSql.parse(query.sql(), query.secretParameters());
    for (String secret : query.secretParameters()) {
      if (!sql.order().contains(secret)) {
        throw new IllegalArgumentException(
            "lookup '"
                + query.name()
                + "' declares secret parameter '"
                + secret
                + "' that its SQL does not use; add :"
                + secret
                + " to the SQL or remove it");
      }
    }
    return new PreparedLookup(query, sql);
  }

  /** Whether the given parameters fit: every name present, secret exactly where declared. */
  boolean accepts(LookupParameters parameters) {
    for (String name : sql.order()) {
      LookupParameter parameter = parameters.get(name).orElse(null);
      boolean secret = query.secretParameters().contains(name);
      if (parameter == null || (parameter instanceof LookupParameter.Secret) != secret) {
        return false;
      }
    }
    return true;
  }

  void bind(PreparedStatement statement, LookupParameters parameters) throws SQLException {
    List<String> order = sql.order();
    for (int i = 0; i < order.size(); i++) {
      switch (parameters.get(order.get(i)).orElseThrow()) {
        case LookupParameter.Value value -> statement.setString(i + 1, value.text());
        case LookupParameter.Secret secret ->
            statement.setObject(i + 1, new SecretFieldWriter(secret.field()));
      }
    }
  }
}

package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void replacesNamedParametersInOrder() {
    NamedSql sql =
        NamedSql.parse("select a from t where x = :ticket and y = :zip or z = :ticket", Set.of());

    assertThat(sql.jdbcSql()).isEqualTo("select a from t where x = ? and y = ? or z = ?");
    assertThat(sql.order()).containsExactly("ticket", "zip", "ticket");
  }

  @Test
  void leavesCastsQuotesIdentifiersAndCommentsAlone() {
    NamedSql sql =
        NamedSql.parse(
            "select ':no'::text, \"col:umn\" from t -- :comment\nwhere d = :due::date", Set.of());

    assertThat(sql.jdbcSql())
        .isEqualTo("select ':no'::text, \"col:umn\" from t -- :comment\nwhere d = ?::date");
    assertThat(sql.order()).containsExactly("due");
  }

  @Test
  void sendsSecretParametersAsBytesDecodedOnTheServer() {
    NamedSql sql = NamedSql.parse("where account = :account and zip = :zip", Set.of("account"));

    assertThat(sql.jdbcSql()).isEqualTo("where account = convert_from(?, 'UTF8') and zip = ?");
  }

  @Test
  void reportsAnUnterminatedQuote() {
    assertThatThrownBy(() -> NamedSql.parse("select 'oops", Set.of()))
        .hasMessageContaining("unterminated");
  }
}

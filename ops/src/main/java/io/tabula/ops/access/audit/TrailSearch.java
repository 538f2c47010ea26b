package io.tabula.ops.access.audit;

import io.tabula.ops.access.audit.AuditEvent.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The trail as an auditor of some tenants may read it: their tenants' records, and the records
 * without a tenant (sign-ins, account changes) whose actor or target is an account holding a role
 * on one of them; narrowed by who, action, outcome and time, newest first, a page at a time.
 */
public final class TrailSearch {

  /**
   * What to show. {@code tenants} is the reader's scope and is never empty; the others narrow it.
   */
  public record Filter(
      List<String> tenants,
      Optional<String> actor,
      Optional<AuditAction> action,
      Optional<Outcome> outcome,
      Optional<Instant> from,
      Optional<Instant> to) {
    public Filter {
      tenants = List.copyOf(tenants);
      if (tenants.isEmpty()) {
        throw new IllegalArgumentException("a trail search needs at least one tenant in scope");
      }
    }
  }

  /** One page, newest first; {@code olderThan} continues it when {@code more}. */
  public record Page(List<AuditRecord> records, boolean more, long olderThan) {}

  private static final String COLUMNS =
      "seq, at, actor, action, tenant, target, source_address, outcome, detail, prev_hash, hash";
  private static final String SCOPE =
      "(tenant = any(?) or (tenant = '-' and (actor = any(logins.l) or target = any(logins.l))))";
  private static final String LOGINS =
      "(select coalesce(array_agg(distinct a.login), '{}') as l from accounts a join role_grants g"
          + " on g.account_id = a.id where g.tenant = any(?)) logins";

  private final DataSource dataSource;

  public TrailSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Up to {@code size} records older than {@code olderThan} (all when empty), newest first. */
  public Page page(Filter filter, Optional<Long> olderThan, int size) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = where(filter, parameters);
    if (olderThan.isPresent()) {
      sql.append(" and seq < ?");
      parameters.add(olderThan.get());
    }
    sql.append(" order by seq desc limit ?");
    parameters.add(size + 1);
    List<AuditRecord> records = new ArrayList<>();
    scan(sql.toString(), parameters, records::add);
    boolean more = records.size() > size;
    List<AuditRecord> shown = more ? records.subList(0, size) : records;
    return new Page(List.copyOf(shown), more, shown.isEmpty() ? 0 : shown.getLast().seq());
  }

  /** Every matching record, oldest first (for an export). */
  public void forEach(Filter filter, Consumer<AuditRecord> each) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = where(filter, parameters);
    sql.append(" order by seq");
    scan(sql.toString(), parameters, each);
  }

  private static StringBuilder where(Filter filter, List<Object> parameters) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from audit_trail, " + LOGINS + " where " + SCOPE);
    String[] tenants = filter.tenants().toArray(String[]::new);
    parameters.add(tenants);
    parameters.add(tenants);
    filter.actor().ifPresent(a -> add(sql, parameters, " and actor = ?", a));
    filter.action().ifPresent(a -> add(sql, parameters, " and action = ?", a.code()));
    filter.outcome().ifPresent(o -> add(sql, parameters, " and outcome = ?", o.name()));
    filter.from().ifPresent(f -> add(sql, parameters, " and at >= ?", Timestamp.from(f)));
    filter.to().ifPresent(t -> add(sql, parameters, " and at < ?", Timestamp.from(t)));
    return sql;
  }

  private static void add(StringBuilder sql, List<Object> parameters, String clause, Object value) {
    sql.append(clause);
    parameters.add(value);
  }

  private void scan(String sql, List<Object> parameters, Consumer<AuditRecord> each) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setFetchSize(1000);
        for (int i = 0; i < parameters.size(); i++) {
          Object value = parameters.get(i);
          if (value instanceof String[] array) {
            select.setArray(i + 1, connection.createArrayOf("text", array));
          } else {
            select.setObject(i + 1, value);
          }
        }
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            each.accept(TrailReader.record(row));
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new AuditTrailException("could not read the audit trail", e);
    }
  }
}

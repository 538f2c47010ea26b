package io.tabula.ops.access.audit;

import io.tabula.ops.access.audit.AuditEvent.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the trail in sequence order, streaming (a cursor of {@value #FETCH} rows), optionally only
 * one tenant's records, as an auditor of that tenant may see them.
 */
public final class TrailReader {

  private static final int FETCH = 1000;
  private static final String COLUMNS =
      "seq, at, actor, action, tenant, target, source_address, outcome, detail, prev_hash, hash";

  private final DataSource dataSource;

  public TrailReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every record, oldest first. */
  public void forEach(Consumer<AuditRecord> each) {
    scan("select " + COLUMNS + " from audit_trail order by seq", List.of(), each);
  }

  /** The records of the given tenants only (an auditor's view), oldest first. */
  public void forEachOfTenants(List<String> tenants, Consumer<AuditRecord> each) {
    scan(
        "select " + COLUMNS + " from audit_trail where tenant = any(?) order by seq",
        List.of((Object) tenants.toArray(String[]::new)),
        each);
  }

  /**
   * Who made the newest record of {@code action} with {@code outcome} on {@code target} of {@code
   * tenant}: e.g. who saved a flow's draft last.
   */
  public Optional<String> lastActor(
      AuditAction action, Outcome outcome, String tenant, String target) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select actor from audit_trail where tenant = ? and target = ? and action = ?"
                    + " and outcome = ? order by seq desc limit 1")) {
      select.setString(1, tenant);
      select.setString(2, target);
      select.setString(3, action.code());
      select.setString(4, outcome.name());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AuditTrailException("could not read the audit trail", e);
    }
  }

  /** The signed heads, oldest first. */
  public List<Checkpoint> checkpoints() {
    try (Connection connection = dataSource.getConnection()) {
      return Checkpoints.all(connection);
    } catch (SQLException e) {
      throw new AuditTrailException("could not read the audit trail's checkpoints", e);
    }
  }

  private void scan(String sql, List<Object> parameters, Consumer<AuditRecord> each) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setFetchSize(FETCH);
        for (int i = 0; i < parameters.size(); i++) {
          select.setArray(i + 1, connection.createArrayOf("text", (Object[]) parameters.get(i)));
        }
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            each.accept(record(row));
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new AuditTrailException("could not read the audit trail", e);
    }
  }

  static AuditRecord record(ResultSet row) throws SQLException {
    AuditEvent event =
        new AuditEvent(
            row.getString(3),
            AuditAction.fromCode(row.getString(4)),
            row.getString(5),
            row.getString(6),
            row.getString(7),
            Outcome.valueOf(row.getString(8)),
            row.getString(9));
    return new AuditRecord(
        row.getLong(1), row.getTimestamp(2).toInstant(), event, row.getBytes(10), row.getBytes(11));
  }

  /** For tests and small tools: every record in a list. */
  public List<AuditRecord> all() {
    List<AuditRecord> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }
}

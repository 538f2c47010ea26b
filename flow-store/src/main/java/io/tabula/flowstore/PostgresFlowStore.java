package io.tabula.flowstore;

import com.zaxxer.hikari.HikariDataSource;
import io.tabula.flows.model.Flow;
import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.FlowVersions;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.VersionRecord;
import io.tabula.flows.store.VersionText;
import io.tabula.flows.validate.FlowCompiler;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The flow store shared by many engines: every published version is an immutable row of {@code
 * flow_versions} (a trigger refuses UPDATE, DELETE and TRUNCATE), written with its history line in
 * one transaction that also claims the version number and announces it to every engine (NOTIFY on
 * {@value #CHANNEL}, delivered at commit). {@link FlowStoreWatch} is the engines' side.
 *
 * <pre>{@code
 * try (PostgresFlowStore store = PostgresFlowStore.open(database, compiler)) { // migrates
 *   int version = store.publish("city/parking-ticket.yaml", text, new Publication("ana", "fee"));
 * }
 * }</pre>
 *
 * <p>Reads and publishes borrow one of a few pooled connections ({@link StorePool}); a store that
 * cannot be reached fails the operation within the pool's connection timeout.
 */
public final class PostgresFlowStore implements FlowVersions, AutoCloseable {

  /** The channel every publish notifies, with payload {@code tenant/flow@version}. */
  public static final String CHANNEL = "tabula_flow_published";

  /** Where the versioned migrations live on the class path. */
  static final String MIGRATIONS = "classpath:io/tabula/flowstore/db";

  private final FlowStoreDatabase database;
  private final FlowCompiler compiler;
  private final HikariDataSource pool;

  private PostgresFlowStore(
      FlowStoreDatabase database, FlowCompiler compiler, HikariDataSource pool) {
    this.database = database;
    this.compiler = compiler;
    this.pool = pool;
  }

  /**
   * The store in {@code database}, its schema brought up to date first (Flyway, history table
   * {@code flow_store_schema_history}; concurrent starts take turns on Flyway's lock).
   *
   * @throws IOException when the database cannot be reached or migrated
   */
  public static PostgresFlowStore open(FlowStoreDatabase database, FlowCompiler compiler)
      throws IOException {
    return open(database, compiler, StorePool.defaults());
  }

  /**
   * As above, reading and publishing through a pool sized and timed by {@code pool} (an engine
   * gives {@link StorePool#within} its check interval). Close the store to close the pool.
   *
   * @throws IOException when the database cannot be reached or migrated
   */
  public static PostgresFlowStore open(
      FlowStoreDatabase database, FlowCompiler compiler, StorePool pool) throws IOException {
    HikariDataSource connections = database.pool(pool);
    try {
      Flyway.configure()
          .dataSource(connections)
          .locations(MIGRATIONS)
          .table("flow_store_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      connections.close();
      throw new FlowStoreUnreachableException("bringing the schema up to date", database, e);
    }
    return new PostgresFlowStore(database, compiler, connections);
  }

  public FlowStoreDatabase database() {
    return database;
  }

  @Override
  public int publish(String source, String text, Publication by)
      throws IOException, PublishRejectedException {
    FlowCompiler.Compiled compiled = compiler.compile(source, text);
    if (!compiled.ok()) {
      throw new PublishRejectedException(compiled.problems());
    }
    Flow flow = compiled.flow().orElseThrow();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        int version = claimNextVersion(c, flow);
        try (PreparedStatement insert =
            c.prepareStatement(
                "insert into flow_versions (tenant, flow, version, source, published_by, note)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, flow.tenant());
          insert.setString(2, flow.name());
          insert.setInt(3, version);
          insert.setString(4, text);
          insert.setString(5, by.who());
          insert.setString(6, by.note());
          insert.executeUpdate();
        }
        c.commit();
        return version;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new FlowStoreUnreachableException(
          "publishing " + flow.tenant() + "/" + flow.name(), database, e);
    }
  }

  /**
   * The flow's next version number. The upsert locks the flow's head row until this transaction
   * ends, so a second publisher of the same flow waits here and then gets the number after ours.
   */
  private static int claimNextVersion(Connection c, Flow flow) throws SQLException {
    try (PreparedStatement claim =
        c.prepareStatement(
            "insert into flow_heads (tenant, flow, latest) values (?, ?, 1)"
                + " on conflict (tenant, flow) do update set latest = flow_heads.latest + 1"
                + " returning latest")) {
      claim.setString(1, flow.tenant());
      claim.setString(2, flow.name());
      try (ResultSet row = claim.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  @Override
  public List<FlowKey> flows() throws IOException {
    return List.copyOf(newest().keySet());
  }

  @Override
  public Map<FlowKey, Integer> newest() throws IOException {
    Map<FlowKey, Integer> newest = new LinkedHashMap<>();
    try (Connection c = pool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select tenant, flow, max(version) from flow_versions group by tenant, flow"
                    + " order by tenant, flow");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        newest.put(new FlowKey(rows.getString(1), rows.getString(2)), rows.getInt(3));
      }
      return newest;
    } catch (SQLException e) {
      throw new FlowStoreUnreachableException("listing the newest versions", database, e);
    }
  }

  @Override
  public List<VersionRecord> history(FlowKey flow) throws IOException {
    List<VersionRecord> history = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select version, published_by, published_at, note from flow_versions"
                    + " where tenant = ? and flow = ? order by version desc")) {
      select.setString(1, flow.tenant());
      select.setString(2, flow.flow());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          history.add(
              new VersionRecord(
                  rows.getInt(1),
                  rows.getString(2),
                  rows.getTimestamp(3).toInstant(),
                  rows.getString(4)));
        }
      }
      return history;
    } catch (SQLException e) {
      throw new FlowStoreUnreachableException("reading the history of " + flow, database, e);
    }
  }

  @Override
  public Optional<VersionText> read(FlowKey flow, int version) throws IOException {
    try (Connection c = pool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select source from flow_versions where tenant = ? and flow = ? and version = ?")) {
      select.setString(1, flow.tenant());
      select.setString(2, flow.flow());
      select.setInt(3, version);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new VersionText(sourceName(flow, version), row.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new FlowStoreUnreachableException(
          "reading " + flow + " version " + version, database, e);
    }
  }

  /**
   * What diagnostics of a stored version name as its file: {@code postgres:city/parking-ticket@3}.
   */
  static String sourceName(FlowKey flow, int version) {
    return "postgres:" + flow + "@" + version;
  }

  @Override
  public String describe() {
    return database.url();
  }

  /** Closes the pool's connections; later operations fail as if the store were unreachable. */
  @Override
  public void close() {
    pool.close();
  }
}

package io.tabula.flowstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.flows.store.VersionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresFlowStoreTest {

  private static PostgresFlowStore store;

  @BeforeAll
  static void open() throws Exception {
    store = PostgresFlowStore.open(FlowStoreFixture.database(), FlowStoreFixture.compiler());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void publishedVersionsAreNumberedFromOneAndKeepWhoWhenAndWhy() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    FlowKey key = new FlowKey(tenant, "parking-ticket");
    Instant before = Instant.now().minusSeconds(5);

    int first =
        store.publish(
            "a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), new Publication("ana", "first"));
    int second =
        store.publish(
            "b.yaml", FlowStoreFixture.parkingFlow(tenant, "two"), Publication.COMMAND_LINE);

    assertThat(List.of(first, second)).containsExactly(1, 2);
    assertThat(store.newest()).containsEntry(key, 2);
    assertThat(store.flows()).contains(key);
    List<VersionRecord> history = store.history(key);
    assertThat(history).extracting(VersionRecord::number).containsExactly(2, 1);
    assertThat(history.get(1).who()).isEqualTo("ana");
    assertThat(history.get(1).note()).isEqualTo("first");
    assertThat(history.get(0).who()).isEqualTo("command line");
    assertThat(history).allSatisfy(v -> assertThat(v.when()).isAfter(before));
    assertThat(store.read(key, 1).orElseThrow().text()).endsWith("# one\n");
    assertThat(store.read(key, 1).orElseThrow().source()).isEqualTo("postgres:" + key + "@1");
    assertThat(store.read(key, 3)).isEmpty();
  }

  @Test
  void anInvalidFlowIsNotPublishedAndTakesNoVersionNumber() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    FlowKey key = new FlowKey(tenant, "parking-ticket");
    store.publish("a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);

    String broken = FlowStoreFixture.parkingFlow(tenant, "two").replace("start:", "begin:");
    assertThatThrownBy(() -> store.publish("broken.yaml", broken, Publication.COMMAND_LINE))
        .isInstanceOf(PublishRejectedException.class)
        .satisfies(
            e ->
                assertThat(((PublishRejectedException) e).problems().getFirst().render())
                    .startsWith("broken.yaml:"));

    assertThat(store.newest()).containsEntry(key, 1);
    assertThat(
            store.publish(
                "c.yaml", FlowStoreFixture.parkingFlow(tenant, "three"), Publication.COMMAND_LINE))
        .isEqualTo(2);
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAPublishedVersion() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    store.publish("a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
    FlowStoreDatabase database = FlowStoreFixture.database();

    for (String sql :
        List.of(
            "update flow_versions set source = 'steps: {}' where tenant = '" + tenant + "'",
            "update flow_versions set published_by = 'mallory' where tenant = '" + tenant + "'",
            "delete from flow_versions where tenant = '" + tenant + "'",
            "truncate flow_versions")) {
      try (Connection c = database.connect();
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("immutable");
      }
    }
    assertThat(store.read(new FlowKey(tenant, "parking-ticket"), 1).orElseThrow().text())
        .endsWith("# one\n");
  }

  @Test
  void aStoreThatCannotBeReachedSaysWhereAndWhatToCheck() throws Exception {
    FlowStoreDatabase good = FlowStoreFixture.database();
    FlowStoreDatabase nowhere =
        new FlowStoreDatabase(
            good.host(),
            1,
            good.database(),
            good.user(),
            good.passwordFile(),
            good.caCertificate());
    assertThatThrownBy(() -> PostgresFlowStore.open(nowhere, FlowStoreFixture.compiler()))
        .isInstanceOf(FlowStoreUnreachableException.class)
        .hasMessageContaining(nowhere.url())
        .hasMessageContaining("check that the server is up");
  }

  @Test
  void readsAndPublishesReuseAFewPooledConnectionsInsteadOfOneEach() throws Exception {
    FlowStoreDatabase database = FlowStoreFixture.database();
    String tenant = FlowStoreFixture.newTenant();
    FlowKey key = new FlowKey(tenant, "parking-ticket");
    try (Connection observer = database.connect()) {
      Timestamp before = serverNow(observer);
      PostgresFlowStore own = PostgresFlowStore.open(database, FlowStoreFixture.compiler());
      for (int round = 0; round < 10; round++) {
        own.publish(
            "a.yaml", FlowStoreFixture.parkingFlow(tenant, "r" + round), Publication.COMMAND_LINE);
        own.newest();
      }
      Timestamp halfway = serverNow(observer);
      for (int round = 0; round < 10; round++) {
        own.read(key, round + 1);
        own.history(key);
      }

      // A backend that ran a store statement and is still connected can only be a pooled one.
      List<Timestamp> started = storeBackendsSince(observer, before, "%flow_versions%");
      assertThat(started)
          .as("40 operations left between 1 and %d connections open", StorePool.DEFAULT_SIZE)
          .hasSizeBetween(1, StorePool.DEFAULT_SIZE);
      assertThat(started)
          .as("the last 20 operations opened no new connection")
          .allSatisfy(start -> assertThat(start).isBeforeOrEqualTo(halfway));
      own.close();
    }
  }

  @Test
  void aClosedStoreClosesItsConnectionsAndSaysItIsUnreachable() throws Exception {
    FlowStoreDatabase database = FlowStoreFixture.database();
    try (Connection observer = database.connect()) {
      Timestamp before = serverNow(observer);
      PostgresFlowStore own = PostgresFlowStore.open(database, FlowStoreFixture.compiler());
      own.newest();
      assertThat(storeBackendsSince(observer, before, "%")).isNotEmpty();

      own.close();

      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> storeBackendsSince(observer, before, "%").isEmpty());
      assertThatThrownBy(own::newest).isInstanceOf(FlowStoreUnreachableException.class);
    }
  }

  private static Timestamp serverNow(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet row = s.executeQuery("select clock_timestamp()")) {
      row.next();
      return row.getTimestamp(1);
    }
  }

  /**
   * When each flow store connection opened since {@code since} started, of those whose last
   * statement is like {@code lastQuery}; the observer's own connection is left out.
   */
  private static List<Timestamp> storeBackendsSince(
      Connection observer, Timestamp since, String lastQuery) throws SQLException {
    try (PreparedStatement select =
        observer.prepareStatement(
            "select backend_start from pg_stat_activity where application_name = 'tabula-flows'"
                + " and pid <> pg_backend_pid() and backend_start >= ? and query like ?")) {
      select.setTimestamp(1, since);
      select.setString(2, lastQuery);
      try (ResultSet rows = select.executeQuery()) {
        List<Timestamp> started = new ArrayList<>();
        while (rows.next()) {
          started.add(rows.getTimestamp(1));
        }
        return started;
      }
    }
  }

  @Test
  void theUrlIsHostPortAndDatabaseOnlySoTlsCannotBeTurnedOff() {
    FlowStoreDatabase parsed =
        FlowStoreDatabase.parse(
            "jdbc:postgresql://db.example:6432/tabula_flows",
            "u",
            java.nio.file.Path.of("p"),
            java.nio.file.Path.of("ca.pem"));
    assertThat(parsed.url()).isEqualTo("postgresql://db.example:6432/tabula_flows");
    assertThat(
            FlowStoreDatabase.parse(
                    "postgresql://db/flows",
                    "u",
                    java.nio.file.Path.of("p"),
                    java.nio.file.Path.of("c"))
                .port())
        .isEqualTo(5432);
    assertThatThrownBy(
            () ->
                FlowStoreDatabase.parse(
                    "postgresql://db/flows?sslmode=disable",
                    "u",
                    java.nio.file.Path.of("p"),
                    java.nio.file.Path.of("c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without parameters");
  }
}

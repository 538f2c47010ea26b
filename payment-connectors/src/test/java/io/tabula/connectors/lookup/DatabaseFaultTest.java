package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.DemoLookups;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database goes away in the middle of a call and comes back: lookups fail within their limits,
 * the breaker opens so callers are not kept waiting, and once the server is back the next lookups
 * succeed without restarting anything. This class stops its own server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultTest {

  private static final String TENANT = "springfield";
  private static final String SLOW = "slow";

  private EmbeddedPostgres postgres;
  private JdbcBalanceLookup lookups;

  @BeforeAll
  void start() {
    postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    TenantDatabaseConfig config =
        DemoDatabase.install(postgres)
            .tenantConfig(TENANT)
            .withLookups(
                List.of(
                    DemoLookups.parkingTicket(),
                    LookupQuery.of(
                        SLOW,
                        "select 'late' as word from pg_sleep(20)",
                        ResultColumn.text("word", "word"))))
            .withLimits(DatabaseLimits.defaults().withStatement(Duration.ofSeconds(30)))
            .withBreaker(new BreakerSettings(4, 3, 50f, Duration.ofMillis(500), 1));
    lookups = JdbcBalanceLookup.open(List.of(config), new SimpleMeterRegistry());
  }

  @AfterAll
  void stop() {
    lookups.close();
    postgres.close();
  }

  @Test
  void aDatabaseStoppedMidCallFailsTheLookupOpensTheBreakerAndRecoversAfterRestart()
      throws Exception {
    assertThat(found()).isTrue();

    CompletableFuture<LookupResult> inFlight =
        CompletableFuture.supplyAsync(() -> lookups.lookup(TENANT, SLOW, LookupParameters.none()));
    await().atMost(Duration.ofSeconds(10)).until(this::slowQueryIsRunning);
    postgres.stop();

    // Ended by the server's shutdown, long before the statement's own 30 s limit.
    assertThat(inFlight.get(10, TimeUnit.SECONDS))
        .isEqualTo(new LookupResult.Failed(LookupFailure.UNAVAILABLE));

    await().atMost(Duration.ofSeconds(20)).until(this::failedUntilTheBreakerOpened);
    assertThat(lookups.breakerState(TENANT)).isEqualTo(BreakerState.OPEN);
    // While open, the database is not even asked.
    assertThat(lookupOnce()).isEqualTo(new LookupResult.Failed(LookupFailure.BREAKER_OPEN));

    postgres.restart();

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(this::found);
    assertThat(lookups.breakerState(TENANT)).isEqualTo(BreakerState.CLOSED);
  }

  /** One more lookup against the dead database; true once the breaker has opened. */
  private boolean failedUntilTheBreakerOpened() {
    if (lookups.breakerState(TENANT) == BreakerState.OPEN) {
      return true;
    }
    assertThat(lookupOnce()).isEqualTo(new LookupResult.Failed(LookupFailure.UNAVAILABLE));
    return lookups.breakerState(TENANT) == BreakerState.OPEN;
  }

  private boolean found() {
    return lookupOnce() instanceof LookupResult.Found;
  }

  private LookupResult lookupOnce() {
    return lookups.lookup(TENANT, DemoLookups.PARKING_TICKET, LookupContract.ticket("PT100234"));
  }

  private boolean slowQueryIsRunning() throws SQLException {
    try (Connection admin = postgres.connectAsSuperuser(DemoDatabase.DATABASE);
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where state = 'active'"
                    + " and query like '%pg_sleep(20)%' and pid <> pg_backend_pid()")) {
      rows.next();
      return rows.getInt(1) == 1;
    }
  }
}

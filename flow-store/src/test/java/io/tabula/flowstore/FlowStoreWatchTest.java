package io.tabula.flowstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.flows.store.Publication;
import io.tabula.flows.store.PublishedFlows;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An engine's view of the PostgreSQL store ({@link PublishedFlows} driven by {@link
 * FlowStoreWatch}): a publish arrives by NOTIFY, the periodic check finds what no notification
 * announced, and an outage leaves the last good versions serving.
 */
class FlowStoreWatchTest {

  /** Longer than any test here runs: only a notification can explain a version arriving. */
  private static final Duration NEVER = Duration.ofMinutes(10);

  private static final Duration SOON = Duration.ofSeconds(20);

  @Test
  void aPublishReachesTheEngineByNotifyWithoutWaitingForTheCheck() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    PostgresFlowStore store = open(FlowStoreFixture.database());
    store.publish("a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
    PublishedFlows engine =
        new PublishedFlows(store, FlowStoreFixture.compiler(), Clock.systemUTC());

    try (FlowStoreWatch watch =
        FlowStoreWatch.start(FlowStoreFixture.database(), engine, WatchOptions.listening(NEVER))) {
      await().atMost(SOON).until(() -> version(engine, tenant) == 1 && watch.listening());

      store.publish(
          "b.yaml", FlowStoreFixture.parkingFlow(tenant, "two"), Publication.COMMAND_LINE);

      await().atMost(SOON).until(() -> version(engine, tenant) == 2);
      assertThat(watch.notificationsReceived()).isPositive();
    }
  }

  @Test
  void withoutListenThePeriodicCheckStillFindsAPublish() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    PostgresFlowStore store = open(FlowStoreFixture.database());
    PublishedFlows engine =
        new PublishedFlows(store, FlowStoreFixture.compiler(), Clock.systemUTC());
    WatchOptions checkOnly = new WatchOptions(Duration.ofMillis(200), Duration.ZERO, false);

    try (FlowStoreWatch watch =
        FlowStoreWatch.start(FlowStoreFixture.database(), engine, checkOnly)) {
      store.publish(
          "a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);

      await().atMost(SOON).until(() -> version(engine, tenant) == 1);
      assertThat(watch.notificationsReceived()).isZero();
      assertThat(watch.listening()).isFalse();
    }
  }

  @Test
  void aVersionThatDoesNotCompileForThisEngineIsNotServed() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    PostgresFlowStore store = open(FlowStoreFixture.database());
    store.publish("a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
    // This engine lacks the city's payment connector: version 1 compiled for the publisher only.
    PublishedFlows engine =
        new PublishedFlows(
            store,
            new io.tabula.flows.validate.FlowCompiler(
                io.tabula.flows.validate.ConnectorCatalog.of(
                    io.tabula.flows.connect.Connectors.of(
                        java.util.List.of(), java.util.List.of()))),
            Clock.systemUTC());

    try (FlowStoreWatch watch =
        FlowStoreWatch.start(FlowStoreFixture.database(), engine, WatchOptions.listening(NEVER))) {
      await()
          .atMost(SOON)
          .until(() -> engine.rejection(tenant, "parking-ticket").isPresent() && watch.listening());
      assertThat(engine.current(tenant, "parking-ticket")).isEmpty();
      assertThat(engine.rejection(tenant, "parking-ticket").orElseThrow())
          .contains("postgres:" + tenant + "/parking-ticket@1");
    }
  }

  @Test
  void aVersionTheGateHoldsBackIsNotServedAndThePreviousKeepsServing() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    PostgresFlowStore store = open(FlowStoreFixture.database());
    store.publish("a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
    PublishedFlows engine =
        new PublishedFlows(store, FlowStoreFixture.compiler(), Clock.systemUTC());
    engine.refresh();
    // As serve's prompt check does for a version whose prompts have no audio yet.
    engine.admitOnly(flow -> java.util.Optional.of("prompt 'welcome' (en) has no audio"));

    try (FlowStoreWatch watch =
        FlowStoreWatch.start(FlowStoreFixture.database(), engine, WatchOptions.listening(NEVER))) {
      await().atMost(SOON).until(watch::listening);
      store.publish(
          "b.yaml", FlowStoreFixture.parkingFlow(tenant, "two"), Publication.COMMAND_LINE);

      await().atMost(SOON).until(() -> engine.rejection(tenant, "parking-ticket").isPresent());
      assertThat(engine.rejection(tenant, "parking-ticket").orElseThrow()).contains("no audio");
      assertThat(version(engine, tenant)).isEqualTo(1);
    }
  }

  @Test
  void duringAnOutageTheLastGoodVersionServesAndTheNextPublishArrivesAfterIt() throws Exception {
    try (EmbeddedPostgres own = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      FlowStoreDatabase database = FlowStoreFixture.install(own);
      String tenant = FlowStoreFixture.newTenant();
      PostgresFlowStore store = open(database);
      store.publish(
          "a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
      PublishedFlows engine =
          new PublishedFlows(store, FlowStoreFixture.compiler(), Clock.systemUTC());
      WatchOptions options = new WatchOptions(NEVER, Duration.ofMillis(100), true);

      try (FlowStoreWatch watch = FlowStoreWatch.start(database, engine, options)) {
        await().atMost(SOON).until(() -> version(engine, tenant) == 1 && watch.listening());
        assertThat(engine.reach().reachable()).isTrue();

        own.stop();
        await().atMost(SOON).until(() -> !engine.reach().reachable());
        assertThat(version(engine, tenant)).as("the last good version keeps serving").isEqualTo(1);
        assertThat(engine.reach().problem()).isEqualTo("FlowStoreUnreachableException");

        own.restart();
        await().atMost(SOON).until(() -> engine.reach().reachable() && watch.listening());
        store.publish(
            "b.yaml", FlowStoreFixture.parkingFlow(tenant, "two"), Publication.COMMAND_LINE);
        await().atMost(SOON).until(() -> version(engine, tenant) == 2);
      }
    }
  }

  @Test
  void anOutageIsInHealthBeforeTheNextCheckThoughTheStoreReadsThroughAPool() throws Exception {
    Duration check = Duration.ofSeconds(2);
    try (EmbeddedPostgres own = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      FlowStoreDatabase database = FlowStoreFixture.install(own);
      String tenant = FlowStoreFixture.newTenant();
      try (PostgresFlowStore store =
          PostgresFlowStore.open(database, FlowStoreFixture.compiler(), StorePool.within(check))) {
        store.publish(
            "a.yaml", FlowStoreFixture.parkingFlow(tenant, "one"), Publication.COMMAND_LINE);
        PublishedFlows engine =
            new PublishedFlows(store, FlowStoreFixture.compiler(), Clock.systemUTC());
        WatchOptions checkOnly = new WatchOptions(check, Duration.ZERO, false);

        try (FlowStoreWatch watch = FlowStoreWatch.start(database, engine, checkOnly)) {
          await().atMost(SOON).until(() -> version(engine, tenant) == 1);
          assertThat(watch.listening()).as("only the check can notice the outage").isFalse();

          own.stop();
          long stopped = System.nanoTime();
          await().atMost(SOON).until(() -> !engine.reach().reachable());
          Duration reported = Duration.ofNanos(System.nanoTime() - stopped);

          // At most one check interval until the next check, plus the pool's wait (half of it),
          // plus slack for a loaded machine; HikariCP's own default wait alone is 30 s.
          assertThat(reported).isLessThan(check.multipliedBy(2).plusSeconds(2));
          assertThat(version(engine, tenant)).as("the last good version keeps serving").isOne();
        }
      }
    }
  }

  private static PostgresFlowStore open(FlowStoreDatabase database) throws Exception {
    return PostgresFlowStore.open(database, FlowStoreFixture.compiler());
  }

  private static int version(PublishedFlows engine, String tenant) {
    return engine.current(tenant, "parking-ticket").map(v -> v.version()).orElse(0);
  }
}

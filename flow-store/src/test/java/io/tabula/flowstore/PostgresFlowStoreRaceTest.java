package io.tabula.flowstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.store.FlowKey;
import io.tabula.flows.store.Publication;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two publishers with their own {@link PostgresFlowStore}, as the console and {@code tabula flows
 * publish} on different machines are: only the database can keep them from taking the same version
 * number or losing one another's version.
 */
class PostgresFlowStoreRaceTest {

  private static final int ROUNDS = 40;

  @Test
  void twoPublishersRacingKeepEveryVersionTheyWereToldWasPublished() throws Exception {
    String tenant = FlowStoreFixture.newTenant();
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<List<Integer>>> publishers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (String name : List.of("console", "cli")) {
        PostgresFlowStore store =
            PostgresFlowStore.open(FlowStoreFixture.database(), FlowStoreFixture.compiler());
        publishers.add(
            pool.submit(
                () -> {
                  List<Integer> versions = new ArrayList<>();
                  for (int round = 0; round < ROUNDS; round++) {
                    String text = FlowStoreFixture.parkingFlow(tenant, name + " " + round);
                    // Bounded: a publisher that failed must fail the test, not leave this one
                    // waiting at the barrier for ever.
                    together.await(60, TimeUnit.SECONDS);
                    versions.add(store.publish(name + ".yaml", text, new Publication(name, "")));
                  }
                  return versions;
                }));
      }
      Set<Integer> told = new HashSet<>();
      for (Future<List<Integer>> publisher : publishers) {
        told.addAll(publisher.get());
      }
      assertThat(told).as("no two publishes were told the same version").hasSize(2 * ROUNDS);
      assertThat(told).as("no number was skipped").containsExactlyInAnyOrderElementsOf(range());
    }

    PostgresFlowStore reader =
        PostgresFlowStore.open(FlowStoreFixture.database(), FlowStoreFixture.compiler());
    FlowKey key = new FlowKey(tenant, "parking-ticket");
    Set<String> kept = new HashSet<>();
    for (int version = 1; version <= 2 * ROUNDS; version++) {
      String text = reader.read(key, version).orElseThrow().text();
      kept.add(text.substring(text.lastIndexOf("# ")).strip());
    }
    assertThat(kept).as("every published text is kept in its own version").hasSize(2 * ROUNDS);
    assertThat(reader.history(key)).hasSize(2 * ROUNDS);
  }

  private static List<Integer> range() {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= 2 * ROUNDS; i++) {
      all.add(i);
    }
    return all;
  }
}

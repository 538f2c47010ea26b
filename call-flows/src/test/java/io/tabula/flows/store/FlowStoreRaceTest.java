package io.tabula.flows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.validate.FlowCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two publishers with their own {@link FlowStore} on one folder, as the console and {@code tabula
 * flows publish} in separate processes are: their {@code synchronized} does not exclude each other,
 * so only the file system can keep them from writing the same version number.
 */
class FlowStoreRaceTest {

  private static final int ROUNDS = 40;

  @TempDir Path root;

  private final FlowCompiler compiler = new FlowCompiler(ShippedFlows.catalog());

  @Test
  void twoPublishersRacingKeepEveryVersionTheyWereToldWasPublished() throws Exception {
    String shipped =
        Files.readString(ShippedFlows.file("city/parking-ticket.yaml"), StandardCharsets.UTF_8);
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<List<Integer>>> publishers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (String name : List.of("console", "cli")) {
        FlowStore store = new FlowStore(root, compiler);
        Path source = root.resolve(name + "-draft.yaml");
        publishers.add(
            pool.submit(
                () -> {
                  List<Integer> versions = new ArrayList<>();
                  for (int round = 0; round < ROUNDS; round++) {
                    Files.writeString(source, shipped + "\n# " + name + " " + round + "\n");
                    together.await(1, TimeUnit.MINUTES);
                    versions.add(store.publish(source));
                  }
                  return versions;
                }));
      }
      Set<Integer> told = new HashSet<>();
      for (Future<List<Integer>> publisher : publishers) {
        told.addAll(publisher.get(2, TimeUnit.MINUTES));
      }
      assertThat(told).as("no two publishes were told the same version").hasSize(2 * ROUNDS);
    }

    Path dir = new FlowStore(root, compiler).versionsOf("city", "parking-ticket");
    Set<String> kept = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        kept.add(text.substring(text.lastIndexOf("# ")).strip());
      }
    }
    assertThat(kept).as("every published text is kept in its own version").hasSize(2 * ROUNDS);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith(".")))
          .as("no temporary file is left behind")
          .isEmpty();
    }
  }
}

package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.ops.prompts.StandInAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's seeding of the shipped flows goes through the check {@code flows publish} and the
 * console's publish apply: a flow whose prompts have no audio is not put live, it waits as a draft.
 */
class SeedStoreTest {

  @TempDir Path folder;

  private final Clock clock = Clock.systemUTC();

  private SeededStore seed(ConsoleSounds sounds) throws Exception {
    return SeededStore.seed(folder.resolve("flows"), DemoConnectors.create(clock), clock, sounds);
  }

  private boolean published(String flow) {
    return Files.isDirectory(folder.resolve("flows/.published").resolve(flow));
  }

  @Test
  void shippedFlowsWithoutAudioStayDraftsAndAreNamed() throws Exception {
    Path sounds = Files.createDirectories(folder.resolve("sounds"));
    StandInAudio.forFlow(sounds, ShippedFlowFiles.read("utility/balance.yaml").orElseThrow());

    SeededStore store = seed(new ConsoleSounds(List.of(sounds)));

    assertThat(store.awaitingAudio())
        .containsExactly(
            new FlowRef("city", "parking-ticket"), new FlowRef("utility", "bill-payment"));
    assertThat(published("city/parking-ticket")).isFalse();
    assertThat(published("utility/bill-payment")).isFalse();
    assertThat(published("utility/balance")).isTrue();
    assertThat(folder.resolve("flows/city/parking-ticket.yaml")).exists();
  }

  @Test
  void withoutASoundsFolderNothingIsPublished() throws Exception {
    SeededStore store = seed(new ConsoleSounds(List.of()));

    assertThat(store.awaitingAudio()).hasSize(ShippedFlowFiles.names().size());
    assertThat(folder.resolve("flows/.published")).doesNotExist();
  }

  @Test
  void shippedFlowsWithTheirAudioArePublishedAsVersionOne() throws Exception {
    Path sounds = folder.resolve("sounds");
    for (String name : ShippedFlowFiles.names()) {
      StandInAudio.forFlow(sounds, ShippedFlowFiles.read(name).orElseThrow());
    }

    SeededStore store = seed(new ConsoleSounds(List.of(sounds)));

    assertThat(store.awaitingAudio()).isEmpty();
    assertThat(folder.resolve("flows/.published/city/parking-ticket/000001.yaml")).exists();
  }
}

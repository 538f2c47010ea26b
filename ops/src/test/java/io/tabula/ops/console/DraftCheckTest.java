package io.tabula.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's and the publish page's check of a draft: its prompts' audio included. */
class DraftCheckTest {

  private static final FlowRef PARKING = new FlowRef("city", "parking-ticket");

  @TempDir Path folder;

  private final ConnectorCatalog catalog =
      ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC()));

  private static String shipped() {
    return ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
  }

  @Test
  void withoutASoundsFolderEveryDraftFailsClosedSayingWhatToPass() {
    DraftCheck check = new DraftCheck(catalog, new ConsoleSounds(List.of()), folder);

    DraftCheck.Result result = check.check(PARKING, shipped());

    assertThat(result.ok()).isFalse();
    assertThat(result.problems())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(d -> assertThat(d.fix()).contains("--sounds DIR"));
  }

  @Test
  void anEmptySoundsFolderNamesEveryPromptInEachLanguage() throws Exception {
    Path sounds = java.nio.file.Files.createDirectories(folder.resolve("sounds"));
    DraftCheck check = new DraftCheck(catalog, new ConsoleSounds(List.of(sounds)), folder);

    DraftCheck.Result result = check.check(PARKING, shipped());

    assertThat(result.problems())
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.startsWith("prompt 'welcome' (en)"))
        .anyMatch(m -> m.startsWith("prompt 'welcome' (es)"))
        .allMatch(m -> m.contains("has no audio"));
  }
}

package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.FlowStore;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.ops.prompts.StandInAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow version published while serve runs goes live only once Asterisk has a sound file for each
 * of its prompts (prompts.check: required): until then the version live keeps serving and serve
 * names the missing prompts and their files; then it goes live at the next poll, with no new
 * publish and no restart.
 */
class ServePublishedPromptsTest {

  @TempDir Path dir;

  private final FlowCompiler compiler =
      new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(Clock.systemUTC())));

  @Test
  void aVersionWithoutAudioWaitsAndGoesLiveOnceItsPromptsAreRendered() throws Exception {
    Path source = dir.resolve("src/city/parking-ticket.yaml");
    Files.createDirectories(source.getParent());
    Files.writeString(source, ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow());
    Path store = dir.resolve("store");
    new FlowStore(store, compiler).publish(source);
    Path sounds = dir.resolve("sounds");
    StandInAudio.forFlowFiles(sounds, source);
    StandInAudio.wav(sounds.resolve("en/tabula/not-available.wav"));
    StandInAudio.wav(sounds.resolve("en/tabula/please-call-back.wav"));
    Path config =
        Files.write(
            dir.resolve("tabula.yaml"),
            List.of(
                "agi.port: 0",
                "admin.port: 0",
                "memory.slots: 16",
                "recording: none",
                "flows.store: " + store,
                "flows.pollInterval: 100ms",
                "prompts.soundsDirs: " + sounds,
                "prompts.check: required"));

    try (ServeProcess serve = ServeProcess.start(List.of(), config, "--demo")) {
      serve.agiAddress();
      Files.writeString(
          source, Files.readString(source).replace("Welcome to the City", "Hello from the City"));
      new FlowStore(store, compiler).publish(source);

      String waiting =
          serve
              .awaitLine(
                  Pattern.compile(
                      "Flow city/parking-ticket version 2 does not go live yet; version 1 keeps"
                          + " serving.*"))
              .group();
      assertThat(waiting)
          .contains("city/parking-ticket: welcome (en) -> en/tabula/city/")
          .contains("tabula prompts render --sounds <dir> --tenant city --flow parking-ticket");

      StandInAudio.forFlowFiles(sounds, source);
      serve.awaitLine(Pattern.compile("Flow city/parking-ticket version 2 is live"));
      assertThat(serve.output())
          .containsOnlyOnce("Flow city/parking-ticket version 2 does not go live yet");
    }
  }
}

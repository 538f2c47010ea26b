package io.tabula.ops.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.store.ShippedFlowFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula prompts render | check | import} on the shipped flows, with {@code cp} of a test
 * WAV standing in for a text-to-speech engine (an {@code --engine-command}).
 */
class PromptCommandsTest {

  private static final String GOODBYE = "Thank you for calling the City parking office. Goodbye.";

  @TempDir Path dir;
  private Path sounds;
  private String engine;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void engineThatCopiesATone() throws Exception {
    sounds = dir.resolve("sounds");
    Path tone =
        Wavs.write(
            dir.resolve("tone.wav"),
            Wavs.toneBetweenSilences(16_000, 0.2, 0.5, 0.2, 440, 0.3),
            16_000,
            16,
            1);
    engine = "cp " + tone + " {wav}";
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine command = new CommandLine(new PromptsCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  private int render(String... more) {
    return run(
        Stream.concat(
                Stream.of(
                    "render",
                    "--sounds",
                    sounds.toString(),
                    "--engine-command",
                    engine,
                    "--voice",
                    "test:tone"),
                Stream.of(more))
            .toArray(String[]::new));
  }

  private Path audioOf(String tenant, String text) {
    return sounds.resolve("en").resolve(PromptSound.name(tenant, "en", text) + ".wav");
  }

  @Test
  void renderMakesOneTelephonyWavPerWordsWithAManifestAndASecondRunSkipsThem() throws Exception {
    assertThat(render("--tenant", "city")).isEqualTo(0);
    assertThat(out.toString()).contains("Rendered 71 file(s), 0 already there");
    try (var wav = Wavs.open(audioOf("city", GOODBYE))) {
      assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(wav.getFormat().getChannels()).isEqualTo(1);
    }
    JsonNode manifest =
        new ObjectMapper().readTree(sounds.resolve("en/tabula/city/manifest.json").toFile());
    assertThat(manifest.get("tenant").asText()).isEqualTo("city");
    JsonNode goodbye = null;
    for (JsonNode entry : manifest.get("entries")) {
      if (entry.get("prompt").asText().equals("goodbye")) {
        goodbye = entry;
      }
    }
    assertThat(goodbye).isNotNull();
    assertThat(goodbye.get("flow").asText()).isEqualTo("parking-ticket");
    assertThat(goodbye.get("voice").asText()).isEqualTo("test:tone");
    assertThat(goodbye.get("textHash").asText()).isEqualTo(PromptSound.key("en", GOODBYE));
    assertThat(goodbye.get("audioHash").asText()).hasSize(64);

    assertThat(render("--tenant", "city")).isEqualTo(0);
    assertThat(out.toString()).contains("Rendered 0 file(s), 71 already there");
  }

  @Test
  void anEditedPromptGetsNewAudioAndTheOldVersionKeepsItsOwn() throws Exception {
    assertThat(render("--tenant", "city")).isEqualTo(0);
    Path flows = Files.createDirectories(dir.resolve("flows/city"));
    String shipped = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    Files.writeString(
        flows.resolve("parking-ticket.yaml"),
        shipped.replace(GOODBYE, "Thanks for calling the City. Goodbye."));

    assertThat(render("--flows", dir.resolve("flows").toString())).isEqualTo(0);

    // The edited goodbye, and the engine's two rejection prompts (no --tenant this time).
    assertThat(out.toString()).contains("Rendered 3 file(s), 70 already there");
    assertThat(sounds.resolve("en/tabula/not-available.wav")).exists();
    assertThat(audioOf("city", "Thanks for calling the City. Goodbye.")).exists();
    assertThat(audioOf("city", GOODBYE)).exists();
  }

  @Test
  void checkNamesEachPromptWithoutAudioAndExitsLikeTheAuditCommands() {
    assertThat(render("--tenant", "city")).isEqualTo(0);

    assertThat(run("check", sounds.toString(), "--tenant", "city")).isEqualTo(0);
    assertThat(out.toString())
        .contains("Checked 71 prompt(s) of 1 flow(s)")
        .contains(": 0 missing");

    assertThat(run("check", sounds.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("missing: utility/balance: welcome (en)")
        .contains("missing: utility/bill-payment: enter-card (en)")
        .doesNotContain("missing: city/");

    assertThat(run("check", dir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a folder");
  }

  @Test
  void aRecordingCheckedAgainstTheSameRuleAsAsteriskAnyFormatCounts() throws Exception {
    Path file = audioOf("city", GOODBYE);
    Files.createDirectories(file.getParent());
    Files.write(
        file.resolveSibling(file.getFileName().toString().replace(".wav", ".ulaw")),
        new byte[] {1});

    assertThat(run("check", sounds.toString(), "--tenant", "city")).isEqualTo(1);
    assertThat(out.toString()).doesNotContain(": goodbye (en)").contains("70 missing");
  }

  @Test
  void anEngineThatIsNotInstalledIsNamedAndNothingIsRendered() {
    assertThat(
            run(
                "render",
                "--sounds",
                sounds.toString(),
                "--engine-command",
                "no-such-tts --out {wav} {text-file}"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no-such-tts is not on the PATH");
    assertThat(sounds).doesNotExist();

    SpeechEngine festival =
        new SpeechEngine(
            "festival:x",
            List.of("text2wave", "{wav}"),
            List.of("en"),
            List.of(new SpeechEngine.Requirement("/no/such/voice", "festvox-us-slt-hts")));
    assertThat(festival.missingPackages()).contains("festvox-us-slt-hts");
  }

  @Test
  void anEngineThatFailsIsReportedPerPromptWithExit1() {
    assertThat(
            run(
                "render",
                "--sounds",
                sounds.toString(),
                "--tenant",
                "city",
                "--engine-command",
                "false {wav}"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("city/parking-ticket: goodbye (en): false exited 1");
  }

  @Test
  void studioRecordingsAreImportedByPromptIdAndRenderNeverReplacesThem() throws Exception {
    Path recordings = Files.createDirectories(dir.resolve("studio/city/parking-ticket"));
    Wavs.write(
        recordings.resolve("goodbye.wav"),
        Wavs.toneBetweenSilences(48_000, 0.3, 1.0, 0.3, 220, 0.1),
        48_000,
        24,
        2);
    Wavs.write(
        recordings.resolve("no-such-prompt.wav"),
        Wavs.toneBetweenSilences(48_000, 0.3, 1.0, 0.3, 220, 0.1),
        48_000,
        24,
        2);

    assertThat(run("import", dir.resolve("studio").toString(), "--sounds", sounds.toString()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("Imported 1 recording(s)");
    assertThat(err.toString()).contains("no-such-prompt.wav: names no prompt");
    byte[] imported = Files.readAllBytes(audioOf("city", GOODBYE));
    try (var wav = Wavs.open(audioOf("city", GOODBYE))) {
      assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(wav.getFormat().getChannels()).isEqualTo(1);
      assertThat(wav.getFrameLength() / 8000.0).isBetween(1.05, 1.15);
    }
    assertThat(Files.readString(sounds.resolve("en/tabula/city/manifest.json")))
        .contains("\"voice\" : \"studio\"");

    assertThat(render("--tenant", "city")).isEqualTo(0);
    assertThat(out.toString()).contains("Rendered 70 file(s), 0 already there, 1 studio");
    assertThat(Files.readAllBytes(audioOf("city", GOODBYE))).isEqualTo(imported);

    Files.delete(recordings.resolve("no-such-prompt.wav"));
    assertThat(run("import", dir.resolve("studio").toString(), "--sounds", sounds.toString()))
        .isEqualTo(0);
    assertThat(out.toString()).contains("Imported 0 recording(s), 1 unchanged");
  }
}

package io.tabula.ops.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowsCommandTest {

  private static final Path REPO = Path.of(System.getProperty("tabula.repo.dir", ".."));

  @TempDir Path temp;

  /** Where the tests' prompt audio is: stand-in files, since only their presence is checked. */
  @TempDir Path sounds;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new FlowsCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private Path copyParking(String tenant) throws Exception {
    Path file = temp.resolve(tenant).resolve("parking-ticket.yaml");
    Files.createDirectories(file.getParent());
    Files.copy(REPO.resolve("flows/city/parking-ticket.yaml"), file);
    return file;
  }

  /** Stand-in audio for every prompt of {@code flowFiles}, where Asterisk looks; the folder. */
  private String soundsFor(Path... flowFiles) throws Exception {
    return io.tabula.ops.prompts.StandInAudio.forFlowFiles(sounds, flowFiles).toString();
  }

  private static boolean checkoutHasSounds() {
    return io.tabula.ops.prompts.FlowAudio.checkoutSounds().filter(Files::isDirectory).isPresent();
  }

  @Test
  void theDefaultSoundsFolderIsTheCheckoutsSoundsFolder() {
    assertThat(io.tabula.ops.prompts.FlowAudio.checkoutSounds())
        .contains(REPO.toAbsolutePath().normalize().resolve("sounds"));
  }

  @Test
  void validateAcceptsTheShippedFlows() throws Exception {
    String audio;
    try (var files = Files.walk(REPO.resolve("flows"))) {
      audio = soundsFor(files.filter(f -> f.toString().endsWith(".yaml")).toArray(Path[]::new));
    }
    assertThat(run("validate", REPO.resolve("flows").toString(), "--sounds", audio)).isZero();
    assertThat(out.toString()).contains("3 flow file(s) checked, 0 error(s)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validatePrintsEveryProblemLikeACompilerAndFails() throws Exception {
    Path file = copyParking("city");
    String broken =
        Files.readString(file)
            .replace("next: ask-ticket\n\n  ask-ticket:", "next: ask-tiket\n\n  ask-ticket:")
            .replace("{amount: balance}", "{date: balance}")
            .replace("      - amount: balance", "      - date: balance");
    Files.writeString(file, broken);
    assertThat(run("validate", temp.toString(), "--sounds", soundsFor(file))).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            file
                + ":"
                + lineOf(broken, "next: ask-tiket")
                + ":11: error: step 'ask-tiket' does not exist (did you mean 'ask-ticket'?); fix: use the name of a step under 'steps', or add that step",
            file
                + ":"
                + lineOf(broken, "      - date: balance")
                + ":15: error: type error: 'balance' is money and cannot be spoken as date; fix: speak money values as amount");
    assertThat(out.toString()).contains("1 flow file(s) checked, 2 error(s)");
  }

  @Test
  void aWarningIsPrintedButDoesNotFailValidation() throws Exception {
    Path file = copyParking("city");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "    transfer:\n      say: [payment-failed, transferring]",
                "    say: [payment-failed]\n    next: try-again"));
    assertThat(run("validate", temp.toString(), "--sounds", soundsFor(file))).isEqualTo(0);
    assertThat(err.toString())
        .contains(": warning: a path leads from on_error of step 'pay-ticket' back to it");
    assertThat(out.toString()).contains("1 flow file(s) checked, 0 error(s), 1 warning(s)");
  }

  @Test
  void validateNamesEachPromptWithoutAudioWithTheFileAndTheCommandThatMakesIt() throws Exception {
    Path file = copyParking("city");
    String audio = soundsFor(file);
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "en: \"Please enter your card number, then press pound.\"",
                "en: \"Please key in your card number, then press pound.\""));
    String key =
        io.tabula.flows.run.PromptSound.key(
            "en", "Please key in your card number, then press pound.");

    assertThat(run("validate", temp.toString(), "--sounds", audio)).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith(file + ":")
        .contains(
            "error: prompt 'enter-card' (en) of city/parking-ticket has no audio: Asterisk would"
                + " play "
                + sounds.resolve("en/tabula/city/" + key + ".wav"))
        .contains("fix: make it with tabula prompts render --sounds " + audio + " --flows " + file);
    assertThat(out.toString()).contains("1 flow file(s) checked, 1 error(s)");
  }

  @Test
  void validateWithoutASoundsFolderWarnsThatAudioWasNotCheckedAndSaysWhatToPass() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        checkoutHasSounds(), "this checkout has a sounds/ folder, the default of --sounds");
    copyParking("city");

    assertThat(run("validate", temp.toString())).isZero();
    assertThat(err.toString())
        .contains("warning: the prompts' audio was not checked: no sounds folder")
        .contains("pass --sounds DIR");
  }

  @Test
  void publishWithoutASoundsFolderFailsClosed() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        checkoutHasSounds(), "this checkout has a sounds/ folder, the default of --sounds");
    Path file = copyParking("city");
    Path store = temp.resolve("store");

    assertThat(run("publish", file.toString(), "--store", store.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("pass --sounds DIR").contains("Not published");
    assertThat(store.resolve(".published")).doesNotExist();
  }

  @Test
  void publishRefusesAVersionWhosePromptsLackAudioAndTheLiveVersionStays() throws Exception {
    Path file = copyParking("city");
    Path store = temp.resolve("store");
    String audio = soundsFor(file);
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isZero();
    Files.writeString(
        file, Files.readString(file).replace("Welcome to the City", "Hello from the City"));

    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("error: prompt 'welcome' (en) of city/parking-ticket has no audio")
        .contains("Not published: 1 prompt(s) have no audio in [" + audio + "]");
    assertThat(store.resolve(".published/city/parking-ticket/000002.yaml")).doesNotExist();

    soundsFor(file);
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isZero();
    assertThat(store.resolve(".published/city/parking-ticket/000002.yaml")).exists();
  }

  @Test
  void aSoundsFolderThatDoesNotExistIsATypoNotMissingAudio() throws Exception {
    copyParking("city");
    assertThat(run("validate", temp.toString(), "--sounds", temp.resolve("nope").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nope: error: no such folder");
  }

  @Test
  void validateChecksTheStoreLayout() throws Exception {
    copyParking("utility");
    assertThat(run("validate", temp.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "error: the file is in folder 'utility' but says 'tenant: city'; fix: move it to city/ or change 'tenant:'");
  }

  @Test
  void validateWithoutFlowFilesSaysWhatToDo() {
    assertThat(run("validate", temp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no flow files (*.yaml) found");
  }

  @Test
  void simulateRunsAShippedFlowFromTheJar() {
    assertThat(
            run(
                "simulate",
                "city/parking-ticket.yaml",
                "--keys",
                "12345678# 1 4242424242424242# 1230 123"))
        .isZero();
    assertThat(out.toString())
        .contains("Caller: keys 16 digits# (secure: recording muted, digits masked)")
        .contains("[pay-ticket: approved]")
        .contains("== call ended: hangup; call memory zeroed")
        .doesNotContain("4242424242424242");
  }

  @Test
  void simulateRefusesABadKeyTokenWithItsPositionInsteadOfPlayingSilence() {
    assertThat(run("simulate", "city/parking-ticket.yaml", "--keys", "87654321# 1 42x2#"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--keys, token 3 (column 15): 'x' is not a key")
        .doesNotContain("87654321");
    assertThat(out.toString()).doesNotContain("IVR:");
  }

  @Test
  void simulateRefusesAFlowWithErrors() throws Exception {
    Path file = copyParking("city");
    Files.writeString(
        file, Files.readString(file).replace("connector: city-pay", "connector: city-pai"));
    assertThat(run("simulate", file.toString(), "--keys", "1")).isEqualTo(1);
    assertThat(err.toString())
        .contains("unknown payment connector 'city-pai' (did you mean 'city-pay'?)");
  }

  @Test
  void graphWritesMermaidAndSvg() throws Exception {
    assertThat(run("graph", "utility/balance.yaml", "--out", temp.toString())).isZero();
    assertThat(Files.readString(temp.resolve("balance.mmd"))).startsWith("flowchart TD");
    assertThat(Files.readString(temp.resolve("balance.svg"))).startsWith("<svg");
  }

  @Test
  void graphWritesNextToTheFlowFileByDefault() throws Exception {
    Path file = copyParking("city");

    assertThat(run("graph", file.toString())).isZero();
    assertThat(file.resolveSibling("parking-ticket.svg")).isRegularFile();
    assertThat(file.resolveSibling("parking-ticket.mmd")).isRegularFile();
  }

  @Test
  void publishValidatesAndWritesVersions() throws Exception {
    Path file = copyParking("city");
    Path store = temp.resolve("store");
    String audio = soundsFor(file);
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isZero();
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isZero();
    assertThat(out.toString()).contains("as version 1").contains("as version 2");
    assertThat(store.resolve(".published/city/parking-ticket/000002.yaml")).exists();

    Files.writeString(
        file,
        Files.readString(file)
            .replace("    es: \"Gracias por llamar a la oficina", "    fr: \"Merci"));
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("prompt 'goodbye' has words in 'fr', which is not a language of the flow")
        .contains("Not published");
    assertThat(store.resolve(".published/city/parking-ticket/000003.yaml")).doesNotExist();
  }

  /** The reproduction of issue #14: this tenant used to be written two folders above the store. */
  @Test
  void publishRefusesATenantThatIsNotANameAndWritesNothingOutsideTheStore() throws Exception {
    Path file = copyParking("city");
    Path store = temp.resolve("a/store");
    String audio = soundsFor(file);
    // A store in use: its .published folder exists, so a path through it resolves.
    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isZero();
    Files.writeString(
        file, Files.readString(file).replace("tenant: city", "tenant: \"../../escaped\""));

    assertThat(run("publish", file.toString(), "--store", store.toString(), "--sounds", audio))
        .isEqualTo(1);

    assertThat(err.toString())
        .contains("the tenant '../../escaped' is not a name")
        .contains("Not published");
    assertThat(temp.resolve("escaped")).doesNotExist();
    assertThat(temp.resolve("a/escaped")).doesNotExist();
    try (var tenants = Files.list(store.resolve(".published"))) {
      assertThat(tenants).containsExactly(store.resolve(".published/city"));
    }
  }

  /** The 1-based line of {@code text} on which {@code needle} first appears. */
  private static long lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("%s in the flow", needle).isNotNegative();
    return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}

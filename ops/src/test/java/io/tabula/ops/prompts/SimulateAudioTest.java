package io.tabula.ops.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabula.flows.run.PromptSound;
import io.tabula.ops.flows.FlowsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tabula flows simulate --audio out.wav}: the whole call in one 8 kHz WAV, with every key a
 * DTMF tone except secure ones, which are plain beeps. The prompts are a test tone rendered by
 * {@code prompts render} with {@code cp} standing in for text-to-speech; the amount, date and
 * ticket number are Asterisk's core sounds (Debian's GSM files, decoded by sox).
 */
class SimulateAudioTest {

  private static final String CARD = "4242424242424242";
  private static final String PAID_CALL = "12345678# 1 " + CARD + "# 1230 123";

  @TempDir Path dir;
  private Path sounds;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void renderTheCityPromptsAsATone() throws Exception {
    sounds = dir.resolve("sounds");
    Path tone =
        Wavs.write(
            dir.resolve("tone.wav"),
            Wavs.toneBetweenSilences(16_000, 0.05, 0.3, 0.05, 330, 0.3),
            16_000,
            16,
            1);
    CommandLine prompts = new CommandLine(new PromptsCommand());
    prompts.setOut(new PrintWriter(new StringWriter()));
    prompts.setErr(new PrintWriter(err));
    int rendered =
        prompts.execute(
            "render",
            "--sounds",
            sounds.toString(),
            "--tenant",
            "city",
            "--engine-command",
            "cp " + tone + " {wav}");
    assertThat(rendered).as(err.toString()).isZero();
  }

  private int simulate(String... args) {
    CommandLine flows = new CommandLine(new FlowsCommand());
    flows.setOut(new PrintWriter(out, true));
    flows.setErr(new PrintWriter(err, true));
    return flows.execute(args);
  }

  private static boolean installed(String command) {
    try {
      Process process =
          new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static void assumeCoreSounds() {
    assumeTrue(installed("sox"), "sox decodes Debian's GSM core sounds: apt-get install sox");
    assumeTrue(
        Files.isRegularFile(SoundLibrary.DEBIAN_CORE_SOUNDS.resolve("en/digits/40.gsm")),
        "Asterisk's English core sounds: apt-get install asterisk-core-sounds-en-gsm");
  }

  @Test
  void aPaidCallIsOneTelephonyWavWithTheKeysAsTonesAndTheCardAsBeeps() throws Exception {
    assumeCoreSounds();
    assumeTrue(installed("multimon-ng"), "the DTMF decoder: apt-get install multimon-ng");
    Path wav = dir.resolve("call.wav");

    int status =
        simulate(
            "simulate",
            "city/parking-ticket.yaml",
            "--keys",
            PAID_CALL,
            "--audio",
            wav.toString(),
            "--sounds",
            sounds.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("The call's audio (8 kHz WAV): " + wav);
    try (AudioInputStream in = Wavs.open(wav)) {
      AudioFormat format = in.getFormat();
      assertThat(format.getSampleRate()).isEqualTo(8000f);
      assertThat(format.getSampleSizeInBits()).isEqualTo(16);
      assertThat(format.getChannels()).isEqualTo(1);
      // Prompts, "forty five dollars", the due date and the ticket number's digits: many seconds.
      assertThat(in.getFrameLength() / 8000.0).isGreaterThan(10.0);
    }
    String decoded = dtmf(wav);
    // The ticket number (complete at 8 digits, so the simulator takes no '#') and the menu choice
    // are tones a decoder finds; the card number with its '#', the expiry and the CVC (secure) are
    // beeps it cannot read.
    assertThat(decoded).isEqualTo("123456781");
    assertThat(decoded).doesNotContain("4242").doesNotContain("1230");
  }

  @Test
  void aMissingPromptFileIsAClearErrorNamingIt() throws Exception {
    assumeCoreSounds();
    String enterCard =
        PromptSound.name("city", "en", "Please enter your card number, then press pound.");
    Files.delete(sounds.resolve("en").resolve(enterCard + ".wav"));
    Path wav = dir.resolve("call.wav");

    int status =
        simulate(
            "simulate",
            "city/parking-ticket.yaml",
            "--keys",
            PAID_CALL,
            "--audio",
            wav.toString(),
            "--sounds",
            sounds.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .contains("no audio written: prompt 'enter-card' (en): no sound file for " + enterCard)
        .contains("tabula prompts render --sounds DIR")
        .doesNotContain(CARD);
    assertThat(wav).doesNotExist();
  }

  @Test
  void withoutASoundsFolderSimulateSaysWhatToPass() {
    assumeTrue(
        FlowAudio.checkoutSounds().filter(Files::isDirectory).isEmpty(),
        "this checkout has a sounds/ folder, the default of --sounds");
    int status =
        simulate(
            "simulate",
            "utility/balance.yaml",
            "--keys",
            "H",
            "--audio",
            dir.resolve("x.wav").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--audio needs the prompts' audio; pass --sounds DIR");
  }

  /** The keys multimon-ng hears in {@code wav}, in order. */
  private static String dtmf(Path wav) throws Exception {
    Process process =
        new ProcessBuilder("multimon-ng", "-q", "-c", "-a", "DTMF", "-t", "wav", wav.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    StringBuilder keys = new StringBuilder();
    output
        .lines()
        .filter(line -> line.startsWith("DTMF: "))
        .forEach(line -> keys.append(line.substring("DTMF: ".length()).trim()));
    return keys.toString();
  }
}

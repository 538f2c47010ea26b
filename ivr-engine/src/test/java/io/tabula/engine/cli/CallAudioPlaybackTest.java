package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.ops.prompts.SoundLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --audio} of {@code demo} and {@code call}: where this machine has no sound device (the
 * build machines have none) the command says so in one line and stops before the call; the speaker
 * plays what the caller hears in order and holds the caller's next answer until it has.
 */
class CallAudioPlaybackTest {

  private static boolean hasSoundDevice() {
    try (SourceDataLine line =
        AudioSystem.getSourceDataLine(new AudioFormat(8000f, 16, 1, true, false))) {
      line.open();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tabula(String... args) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void callWithoutASoundDeviceSaysSoInOneLineBeforeCalling() {
    assumeFalse(hasSoundDevice(), "this machine has a sound device");

    // Port 1: nothing listens, so a call that started would fail differently.
    assertThat(tabula("call", "city/parking-ticket", "--port", "1", "--audio")).isEqualTo(2);

    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith("tabula call: --audio: this machine has no sound output device")
        .contains("run without --audio");
    assertThat(err.toString()).doesNotContain("Exception:").doesNotContain("\tat ");
    assertThat(out.toString()).doesNotContain("Calling");
  }

  @Test
  void demoWithoutASoundDeviceSaysSoBeforeStartingAnything() {
    assumeFalse(hasSoundDevice(), "this machine has a sound device");

    assertThat(tabula("demo", "--auto", "--audio")).isEqualTo(2);

    assertThat(out.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith("tabula demo: --audio: this machine has no sound output device");
  }

  @Test
  void theSpeakerPlaysWhatIsHeardInOrderAndTheNextAnswerWaitsForIt(@TempDir Path sounds)
      throws Exception {
    sln(sounds.resolve("en/tabula/city/aaaa.sln"), 100, 0.5f);
    sln(sounds.resolve("en/digits/40.sln"), 40, 0.4f);
    sln(sounds.resolve("en/digits/5.sln"), 5, 0.05f);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> played = new CopyOnWriteArrayList<>();
    CallSpeaker.Speaker device =
        new CallSpeaker.Speaker() {
          @Override
          public void play(float[] samples) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            played.add(samples.length);
          }

          @Override
          public void close() {}
        };
    CompletableFuture<InputRequest> asked = new CompletableFuture<>();
    Caller person =
        new Caller() {
          @Override
          public CompletionStage<CallerAction> input(InputRequest request) {
            asked.complete(request);
            return CompletableFuture.completedFuture(new CallerAction.Silence());
          }
        };
    StringWriter text = new StringWriter();
    try (CallSpeaker speaker =
        new CallSpeaker(
            person, new SoundLibrary(List.of(sounds)), device, "en", new PrintWriter(text))) {
      speaker.heard(new Heard(Heard.Kind.PROMPT, "tabula/city/aaaa"));
      speaker.heard(new Heard(Heard.Kind.NUMBER, "45"));
      speaker.heard(new Heard(Heard.Kind.PROMPT, "tabula/city/missing"));
      CompletionStage<CallerAction> answer =
          speaker.input(new InputRequest("GET DATA", "x", 1, Duration.ofSeconds(5)));

      assertThat(asked).isNotDone();
      release.countDown();
      answer.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertThat(played).containsExactly(100, 40, 5);
    assertThat(text.toString()).contains("(--audio: no sound file for tabula/city/missing (en)");
  }

  @Test
  void aDeviceThatFailsMidCallNeitherHoldsTheCallNorStopsIt(@TempDir Path sounds) throws Exception {
    sln(sounds.resolve("en/tabula/city/aaaa.sln"), 100, 0.5f);
    CallSpeaker.Speaker broken =
        new CallSpeaker.Speaker() {
          @Override
          public void play(float[] samples) {
            throw new IllegalStateException("the line was closed");
          }

          @Override
          public void close() {}
        };
    Caller person = request -> CompletableFuture.completedFuture(new CallerAction.Silence());
    StringWriter text = new StringWriter();
    try (CallSpeaker speaker =
        new CallSpeaker(
            person, new SoundLibrary(List.of(sounds)), broken, "en", new PrintWriter(text))) {
      speaker.heard(new Heard(Heard.Kind.PROMPT, "tabula/city/aaaa"));
      speaker.heard(new Heard(Heard.Kind.NUMBER, "not a number"));

      assertThat(
              speaker
                  .input(new InputRequest("GET DATA", "x", 1, Duration.ofSeconds(5)))
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS))
          .isInstanceOf(CallerAction.Silence.class);
    }
    assertThat(text.toString())
        .contains("(--audio: the sound device failed: IllegalStateException)");
  }

  private static void sln(Path file, int samples, float level) throws Exception {
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (level * 32767));
    }
    Files.createDirectories(file.getParent());
    Files.write(file, pcm.array());
  }
}

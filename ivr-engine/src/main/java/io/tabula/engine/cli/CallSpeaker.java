package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.ops.prompts.SoundLibrary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A caller who also hears the call: each prompt and each number, digit string or date Asterisk
 * would say is played on a {@link Speaker} in order, on a thread of its own (the virtual PBX tells
 * the caller on its event loop, which must not wait for audio). Before the caller is asked for
 * input, everything said so far has played, so a person answers a question they have heard.
 *
 * <pre>{@code
 * try (CallSpeaker speaker = new CallSpeaker(caller, sounds, LineSpeaker.open(), "en", out)) {
 *   pbx.call(address, route, speaker).get();
 *   speaker.drained().join();
 * }
 * }</pre>
 */
final class CallSpeaker implements Caller, AutoCloseable {

  /** Where the samples go: the sound device, or a test's buffer. Blocks while they play. */
  interface Speaker extends AutoCloseable {
    void play(float[] samples);

    @Override
    void close();
  }

  private final Caller caller;
  private final SoundLibrary sounds;
  private final Speaker speaker;
  private final String language;
  private final PrintWriter out;
  private final ExecutorService player =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("tabula-audio").daemon().factory());
  private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);

  CallSpeaker(
      Caller caller, SoundLibrary sounds, Speaker speaker, String language, PrintWriter out) {
    this.caller = caller;
    this.sounds = sounds;
    this.speaker = speaker;
    this.language = language;
    this.out = out;
  }

  @Override
  public CompletionStage<CallerAction> input(InputRequest request) {
    return drained().thenCompose(played -> caller.input(request));
  }

  @Override
  public boolean hangsUpBefore(String command) {
    return caller.hangsUpBefore(command);
  }

  @Override
  public boolean inRealTime() {
    return caller.inRealTime();
  }

  @Override
  public void heard(Heard heard) {
    caller.heard(heard);
    files(heard).forEach(this::enqueue);
  }

  /** The sound files Asterisk plays for what was heard; none for what is not a sound. */
  private List<String> files(Heard heard) {
    try {
      return switch (heard.kind()) {
        case PROMPT -> heard.what().isEmpty() ? List.of() : List.of(heard.what());
        case NUMBER ->
            AsteriskSay.number(Long.parseLong(heard.what()), NumberGender.NEUTRAL, language);
        case DIGITS -> AsteriskSay.digits(heard.what());
        case DATE ->
            AsteriskSay.date(
                LocalDate.ofInstant(
                    Instant.ofEpochSecond(Long.parseLong(heard.what())), ZoneOffset.UTC),
                language);
        default -> List.of();
      };
    } catch (NumberFormatException e) {
      // Asterisk would answer such a SAY with a usage error and play nothing.
      return List.of();
    }
  }

  private synchronized void enqueue(String sound) {
    queue = queue.thenRunAsync(() -> play(sound), player);
  }

  private void play(String sound) {
    try {
      speaker.play(sounds.samples(sound, language));
    } catch (SoundLibrary.SoundException e) {
      out.println("(--audio: " + e.getMessage() + ")");
      out.flush();
    } catch (RuntimeException e) {
      // The device failed mid-call: the call goes on without sound rather than waiting for it.
      out.println("(--audio: the sound device failed: " + e.getClass().getSimpleName() + ")");
      out.flush();
    }
  }

  /** Completes when everything heard so far has played. */
  synchronized CompletableFuture<Void> drained() {
    return queue;
  }

  @Override
  public void close() {
    player.shutdownNow();
    speaker.close();
  }
}

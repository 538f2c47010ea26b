package io.tabula.ops.console;

import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.ExecResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.flows.say.SpokenWords;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The softphone's side of a simulated call: what the flow says goes to the transcript as text, the
 * keys come from the page one at a time. A digit of a secure entry goes straight into the call's
 * {@link SecretField} and shows as {@code *}; the transcript never holds it. The caller waits as
 * long as they like (silence is a button), up to {@link #IDLE}, after which the call hangs up.
 */
final class WebCallPort implements CallPort {

  static final Duration IDLE = Duration.ofMinutes(10);

  private final CallInfo info;
  private final CallMemory memory;
  private final SoftphoneTranscript transcript;
  private final BlockingQueue<PhoneKey> keys = new LinkedBlockingQueue<>();
  private volatile String ending = "";
  // The channel's language: how Asterisk would say numbers, digits and dates.
  private volatile String language;

  private final SoftphoneAudio audio;
  private final String flowFile;

  WebCallPort(
      CallInfo info,
      CallMemory memory,
      SoftphoneTranscript transcript,
      SoftphoneAudio audio,
      String flowFile) {
    this.audio = audio;
    this.flowFile = flowFile;
    this.info = info;
    this.memory = memory;
    this.transcript = transcript;
    this.language = info.language() == null ? "" : info.language();
  }

  void press(PhoneKey key) {
    transcript.keySent();
    keys.add(key);
  }

  /**
   * How the call ended ({@code hangup}, {@code transfer to ...}, {@code caller hung up}), or "".
   */
  String ending() {
    return ending;
  }

  @Override
  public CallInfo info() {
    return info;
  }

  @Override
  public CallMemory memory() {
    return memory;
  }

  @Override
  public KeyPress play(Prompt prompt, String escapeKeys) {
    live();
    if (prompt.text().isEmpty()) {
      transcript.say("(" + prompt.id() + ")");
    } else {
      transcript.say(prompt.text(), audio.prompt(prompt, language, flowFile));
    }
    PhoneKey early = keys.peek();
    if (early != null && early.key() != '\0' && escapeKeys.indexOf(early.key()) >= 0) {
      keys.poll();
      transcript.keyTaken();
      transcript.caller("presses " + early.key() + " during the prompt");
      return new KeyPress(early.key());
    }
    return KeyPress.NONE;
  }

  @Override
  public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    play(prompt, "");
    StringBuilder shown = new StringBuilder();
    int count = 0;
    CollectResult.Status status = CollectResult.Status.TIMEOUT;
    while (true) {
      PhoneKey key = next();
      if (key == PhoneKey.SILENCE) {
        break;
      }
      if (key == PhoneKey.POUND) {
        status = CollectResult.Status.TERMINATED;
        shown.append('#');
        break;
      }
      if (key.isDigit()) {
        field.append((byte) key.key());
        shown.append(options.secure() ? '*' : key.key());
        transcript.typing(shown);
        if (++count == options.maxDigits()) {
          status = CollectResult.Status.COMPLETE;
          break;
        }
      }
    }
    transcript.caller(
        shown.isEmpty()
            ? "(silence)"
            : shown + (options.secure() ? "  (secure: digits kept in call memory)" : ""));
    return new CollectResult(status, count);
  }

  @Override
  public KeyPress waitForKey(Duration timeout) {
    live();
    PhoneKey key = next();
    if (key == PhoneKey.SILENCE) {
      transcript.caller("(silence)");
      return KeyPress.NONE;
    }
    transcript.caller("presses " + key.key());
    return new KeyPress(key.key());
  }

  /**
   * The next key; hang-up (or {@link #IDLE} without a key) ends the call here. The transcript says
   * "waiting" exactly while this blocks, so the page's request can tell when the flow has answered.
   */
  private PhoneKey next() {
    PhoneKey key;
    try {
      transcript.waiting(true);
      key = keys.poll(IDLE.toSeconds(), TimeUnit.SECONDS);
      if (key != null) {
        transcript.keyTaken();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      key = null;
    }
    if (key == null || key == PhoneKey.HANGUP) {
      transcript.caller(key == null ? "(idle too long) hangs up" : "hangs up");
      end("caller hung up");
      throw new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP);
    }
    return key;
  }

  @Override
  public void setLanguage(String language) {
    live();
    this.language = language;
  }

  // What Asterisk says, in the call's language, as the CLI's simulator shows it.
  @Override
  public void sayNumber(long number, NumberGender gender) {
    live();
    List<String> files = AsteriskSay.number(number, gender, language);
    transcript.say(SpokenWords.of(files, language), audio.say(files, language));
  }

  @Override
  public void sayDigits(String nonSecretDigits) {
    live();
    List<String> files = AsteriskSay.digits(nonSecretDigits);
    transcript.say(SpokenWords.of(files, language), audio.say(files, language));
  }

  @Override
  public void sayDate(LocalDate date) {
    live();
    List<String> files = AsteriskSay.date(date, language);
    transcript.say(SpokenWords.of(files, language), audio.say(files, language));
  }

  @Override
  public ExecResult exec(String application, String arguments) {
    live();
    return new ExecResult(0);
  }

  @Override
  public Optional<String> variable(String name) {
    live();
    return Optional.empty();
  }

  @Override
  public void transfer(String queue) {
    live();
    end("transferred to queue " + queue);
    transcript.say("transfers the call to queue " + queue);
  }

  @Override
  public void hangup() {
    live();
    end("the IVR hung up");
    transcript.say("hangs up");
  }

  private void end(String how) {
    memory.release();
    ending = how;
  }

  private void live() {
    if (!ending.isEmpty()) {
      throw new CallEndedException(
          ending.startsWith("transferred")
              ? CallEndedException.Reason.TRANSFERRED
              : CallEndedException.Reason.CALLER_HUNG_UP);
    }
  }
}

package io.tabula.flows.simulate;

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
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A call without telephony: the caller is a {@link KeySource}, what the engine says goes into a
 * {@link Transcript}. It behaves like the engine where the flow can tell: hangup and transfer zero
 * the call's memory (transfer before it "sends" anything), a caller's hangup zeroes it and makes
 * every later operation throw {@link CallEndedException}.
 */
public final class SimulatedCallPort implements CallPort {

  /** How the call ended. */
  public enum Ending {
    STILL_RUNNING,
    HANGUP,
    TRANSFER,
    CALLER_HUNG_UP
  }

  private final CallInfo info;
  private final CallMemory memory;
  private final KeySource keys;
  private final KeypadCaller keypad;
  private final Transcript transcript;
  private Ending ending = Ending.STILL_RUNNING;
  private String language;
  private String queue = "";

  public SimulatedCallPort(
      CallInfo info, CallMemory memory, KeySource keys, Transcript transcript) {
    this(info, memory, keys, null, transcript);
  }

  /** A person plays the caller at {@code keypad}, like a phone; keys are echoed on {@code out}. */
  public SimulatedCallPort(
      CallInfo info, CallMemory memory, Keypad keypad, PrintWriter out, Transcript transcript) {
    this(info, memory, null, new KeypadCaller(keypad, out), transcript);
  }

  private SimulatedCallPort(
      CallInfo info,
      CallMemory memory,
      KeySource keys,
      KeypadCaller keypad,
      Transcript transcript) {
    this.info = info;
    this.memory = memory;
    this.keys = keys;
    this.keypad = keypad;
    this.transcript = transcript;
    this.language = info.language() == null ? "" : info.language();
  }

  public Ending ending() {
    return ending;
  }

  /** The queue of a transfer, or empty. */
  public String queue() {
    return queue;
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
    transcript.add("IVR: " + prompt.text() + "  [" + prompt.id() + "]");
    if (keypad != null) {
      KeyPress pressed = fromKeypad(() -> keypad.duringPrompt(escapeKeys));
      if (pressed.pressed()) {
        transcript.add("Caller: presses " + pressed.key() + " during the prompt");
      }
      return pressed;
    }
    Optional<String> next = keys.peek();
    if (next.isPresent() && next.get().startsWith("^") && next.get().length() == 2) {
      keys.next();
      char key = next.get().charAt(1);
      if (escapeKeys.indexOf(key) >= 0) {
        transcript.add("Caller: presses " + key + " during the prompt");
        return new KeyPress(key);
      }
      transcript.add("Caller: presses " + key + " during the prompt (not active here)");
    }
    return KeyPress.NONE;
  }

  @Override
  public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    play(prompt, "");
    if (keypad != null) {
      CollectResult result = fromKeypad(() -> keypad.collect(field, options));
      transcript.add(describe(result, options));
      return result;
    }
    String token = token();
    int count = 0;
    CollectResult.Status status = CollectResult.Status.TIMEOUT;
    for (char c : token.replace("^", "").toCharArray()) {
      if (c == '#') {
        status = CollectResult.Status.TERMINATED;
        break;
      }
      if (c >= '0' && c <= '9') {
        field.append((byte) c);
        count++;
        if (count == options.maxDigits()) {
          status = CollectResult.Status.COMPLETE;
          break;
        }
      }
    }
    transcript.add(describe(token, count, status, options));
    return new CollectResult(status, count);
  }

  private static String describe(
      String token, int count, CollectResult.Status status, CollectOptions options) {
    if (count == 0 && status == CollectResult.Status.TIMEOUT) {
      return "Caller: (silence)";
    }
    String end =
        status == CollectResult.Status.TERMINATED
            ? "#"
            : status == CollectResult.Status.TIMEOUT ? " (pause)" : "";
    if (options.secure()) {
      return "Caller: keys "
          + count
          + " digits"
          + end
          + " (secure: recording muted, digits masked)";
    }
    return "Caller: " + token.replace("^", "").replaceAll("#.*", "").substring(0, count) + end;
  }

  /** What a caller at the keypad keyed, by count: the digits themselves never become text. */
  private static String describe(CollectResult result, CollectOptions options) {
    if (result.digits() == 0 && result.status() == CollectResult.Status.TIMEOUT) {
      return "Caller: (silence)";
    }
    String end =
        switch (result.status()) {
          case TERMINATED -> "#";
          case TIMEOUT -> " (pause)";
          case COMPLETE -> "";
        };
    return "Caller: keys "
        + result.digits()
        + " digits"
        + end
        + (options.secure() ? " (secure: recording muted, digits masked)" : "");
  }

  @Override
  public KeyPress waitForKey(Duration timeout) {
    live();
    if (keypad != null) {
      KeyPress pressed = fromKeypad(() -> keypad.waitForKey(timeout));
      transcript.add(pressed.pressed() ? "Caller: presses " + pressed.key() : "Caller: (silence)");
      return pressed;
    }
    String token = token().replace("^", "");
    if (token.equals("-") || token.isEmpty()) {
      transcript.add("Caller: (silence)");
      return KeyPress.NONE;
    }
    char key = token.charAt(0);
    if ("0123456789*#".indexOf(key) < 0) {
      transcript.add("Caller: (silence)");
      return KeyPress.NONE;
    }
    transcript.add("Caller: presses " + key);
    return new KeyPress(key);
  }

  private String token() {
    Optional<String> token = keys.next();
    if (token.isEmpty() || token.get().equalsIgnoreCase("H")) {
      throw callerHungUp(token.isEmpty() ? "Caller: (no more keys) hangs up" : "Caller: hangs up");
    }
    return token.get();
  }

  /** What the keypad caller did, or the caller's hang-up as it ends the call. */
  private <T> T fromKeypad(KeypadAction<T> action) {
    try {
      return action.run();
    } catch (KeypadCaller.HungUp e) {
      throw callerHungUp("Caller: hangs up");
    }
  }

  private interface KeypadAction<T> {
    T run() throws KeypadCaller.HungUp;
  }

  private CallEndedException callerHungUp(String line) {
    transcript.add(line);
    ending = Ending.CALLER_HUNG_UP;
    memory.release();
    return new CallEndedException(CallEndedException.Reason.CALLER_HUNG_UP);
  }

  /** The channel's language, which decides how Asterisk says numbers, digits and dates. */
  public String language() {
    return language;
  }

  @Override
  public void setLanguage(String language) {
    live();
    this.language = language;
    transcript.add("IVR: sets the call's language to " + language);
  }

  // Numbers, digits and dates show as the words Asterisk says for them in the call's language,
  // with what was said in brackets, like a prompt's id.
  @Override
  public void sayNumber(long number, NumberGender gender) {
    live();
    transcript.add(
        "IVR: "
            + SpokenWords.of(AsteriskSay.number(number, gender, language), language)
            + "  [number "
            + number
            + "]");
  }

  @Override
  public void sayDigits(String nonSecretDigits) {
    live();
    transcript.add(
        "IVR: "
            + SpokenWords.of(AsteriskSay.digits(nonSecretDigits), language)
            + "  [digits "
            + nonSecretDigits
            + "]");
  }

  @Override
  public void sayDate(LocalDate date) {
    live();
    transcript.add(
        "IVR: "
            + SpokenWords.of(AsteriskSay.date(date, language), language)
            + "  [date "
            + date
            + "]");
  }

  @Override
  public ExecResult exec(String application, String arguments) {
    live();
    transcript.add("IVR: runs " + application);
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
    memory.release();
    ending = Ending.TRANSFER;
    this.queue = queue;
    transcript.add("IVR: transfers the call to queue " + queue + " (call memory zeroed)");
  }

  @Override
  public void hangup() {
    live();
    memory.release();
    ending = Ending.HANGUP;
    transcript.add("IVR: hangs up (call memory zeroed)");
  }

  private void live() {
    if (ending != Ending.STILL_RUNNING) {
      throw new CallEndedException(
          ending == Ending.TRANSFER
              ? CallEndedException.Reason.TRANSFERRED
              : CallEndedException.Reason.CALLER_HUNG_UP);
    }
  }
}

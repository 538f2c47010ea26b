package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.KeyPresses;
import io.tabula.flows.simulate.Keypad;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The terminal softphone's caller: shows what the caller hears as text and takes keys from the
 * person at the terminal's keypad, or from a script.
 *
 * <p>A person plays it like a phone: each key counts as it is pressed (no Enter), prompts run on by
 * themselves, {@code #} ends an entry, silence runs into the flow's timeouts, {@code h} hangs up.
 * Every key of a collect is echoed as {@code *} (the PBX cannot tell a secure collect from another,
 * so it masks every collect); only a menu's key is shown. When standard input is not a terminal
 * nothing is echoed. Keys pressed go from the keypad into a {@code char[]} that the PBX zeroes once
 * used, never into a String.
 */
final class SoftphoneCaller implements Caller {

  /** How a person plays the caller; said before the call. */
  static final String HOW_TO_PLAY =
      "keys as on a phone, no Enter: # ends an entry, keys of an entry show as *; h hangs up";

  private final PrintWriter out;
  private final Function<String, String> promptText;
  private final Predicate<String> menuPrompt;
  private final Caller script;
  private final Keypad keypad;
  private final Object screen = new Object();
  private String lastPrompt = "";
  private boolean keysLineOpen;

  private SoftphoneCaller(
      PrintWriter out,
      Function<String, String> promptText,
      Predicate<String> menuPrompt,
      Caller script,
      Keypad keypad) {
    this.out = out;
    this.promptText = promptText;
    this.menuPrompt = menuPrompt;
    this.script = script;
    this.keypad = keypad;
  }

  /**
   * A person at {@code keypad}.
   *
   * @param menuPrompt the prompts whose key may be shown; every other key is echoed as {@code *},
   *     because the first key of a key-by-key collect arrives through the prompt's STREAM FILE
   */
  static SoftphoneCaller atKeypad(
      PrintWriter out,
      Function<String, String> promptText,
      Predicate<String> menuPrompt,
      Keypad keypad) {
    return new SoftphoneCaller(out, promptText, menuPrompt, null, keypad);
  }

  /** A script plays the caller; its keys are shown as the person's would be. */
  static SoftphoneCaller scripted(
      PrintWriter out,
      Function<String, String> promptText,
      Predicate<String> menuPrompt,
      Caller script) {
    return new SoftphoneCaller(out, promptText, menuPrompt, script, null);
  }

  @Override
  public CompletionStage<CallerAction> input(InputRequest request) {
    if (script != null) {
      return script.input(request).thenApply(action -> echo(request, action));
    }
    CompletableFuture<CallerAction> pressed = new CompletableFuture<>();
    Thread.ofVirtual().name("softphone-keys").start(() -> pressed.complete(press(request)));
    return pressed;
  }

  @Override
  public boolean hangsUpBefore(String command) {
    return script != null && script.hangsUpBefore(command);
  }

  @Override
  public boolean inRealTime() {
    return keypad != null;
  }

  @Override
  public void heard(Heard heard) {
    String line =
        switch (heard.kind()) {
          case PROMPT -> "  \u266a " + promptText.apply(heard.what());
          case NUMBER, DIGITS, DATE -> "  \u266a " + heard.words();
          case ALPHA -> "  \u266a (says " + heard.what() + ")";
          case APPLICATION -> "  (runs " + heard.what() + ")";
          case HANGUP_BY_ENGINE -> "  The engine hung up.";
          case TRANSFER -> "  Transferred to queue " + heard.what() + ".";
        };
    synchronized (screen) {
      if (heard.kind() == Heard.Kind.PROMPT) {
        lastPrompt = heard.what();
      }
      endKeysLine();
      out.println(line);
      out.flush();
    }
  }

  /**
   * What the person presses while {@code request} waits, as it happens: one key for STREAM FILE and
   * WAIT FOR DIGIT, an entry up to {@code #} or the most digits for GET DATA; silence when the
   * command's time runs out first.
   */
  private CallerAction press(InputRequest request) {
    boolean inClear = inClear(request);
    int most = request.command().equals("GET DATA") ? Math.max(1, request.maxDigits()) : 1;
    char[] keys = new char[most + 1];
    int count = 0;
    int digits = 0;
    long started = System.nanoTime();
    while (digits < most) {
      int key = keypad.next(wait(request, started));
      if (key == Keypad.HANG_UP) {
        Arrays.fill(keys, '\0');
        return hangUp();
      }
      if (key == Keypad.NONE) {
        break;
      }
      if (!request.takes(key)) {
        continue; // pressed during a prompt that it does not stop: Asterisk drops it
      }
      keys[count++] = (char) key;
      show(key, inClear);
      if (key == '#' && most > 1) {
        break;
      }
      digits++;
    }
    if (count == 0) {
      return new CallerAction.Silence();
    }
    return new CallerAction.Keys(KeyPresses.taking(keys, count), Duration.ZERO, Duration.ZERO);
  }

  /** Whether the key answers a menu, and may be shown as pressed. */
  private boolean inClear(InputRequest request) {
    synchronized (screen) {
      // WAIT FOR DIGIT plays nothing: its key answers the prompt played just before it.
      return menuPrompt.test(request.prompt().isEmpty() ? lastPrompt : request.prompt());
    }
  }

  /** GET DATA's timeout runs again after each key; a prompt's time runs from its start. */
  private static Duration wait(InputRequest request, long startedNanos) {
    if (request.timeout() == null || !request.command().equals("STREAM FILE")) {
      return request.timeout();
    }
    Duration left = request.timeout().minusNanos(System.nanoTime() - startedNanos);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void show(int key, boolean inClear) {
    if (keypad != null && !keypad.echoes()) {
      return;
    }
    synchronized (screen) {
      if (!keysLineOpen) {
        out.print("  keys: ");
        keysLineOpen = true;
      }
      out.print(inClear || !Character.isDigit(key) ? (char) key : '*');
      out.flush();
    }
  }

  private CallerAction hangUp() {
    synchronized (screen) {
      endKeysLine();
      out.println("  (hangs up)");
      out.flush();
    }
    return new CallerAction.HangUp(Duration.ZERO);
  }

  private void endKeysLine() {
    if (keysLineOpen) {
      out.println();
      keysLineOpen = false;
    }
  }

  /** A script's keys are shown as a person's would be, in one line per entry. */
  private CallerAction echo(InputRequest request, CallerAction action) {
    switch (action) {
      case CallerAction.Keys(KeyPresses keys, Duration first, Duration gap) -> {
        boolean inClear = inClear(request);
        for (int i = 0; i < keys.length(); i++) {
          show(keys.keyAt(i), inClear);
        }
      }
      case CallerAction.HangUp hangUp -> hangUp();
      case CallerAction.Silence silence -> {}
    }
    return action;
  }
}

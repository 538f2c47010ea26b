package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.engine.pbx.KeyPresses;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The terminal softphone's caller: shows what the caller hears as text and reads keys from the
 * person at the terminal, or from a script. Digits keyed into a collect are echoed as {@code *}
 * (the PBX cannot tell a secure collect from another, so it masks every collect); menu keys that
 * stop a prompt are shown.
 */
final class SoftphoneCaller implements Caller {

  private final PrintWriter out;
  private final Function<String, String> promptText;
  private final Predicate<String> menuPrompt;
  private final Caller script;
  private final BufferedReader in;

  /**
   * @param script the scripted caller, or null to read from the terminal
   */
  SoftphoneCaller(
      PrintWriter out, Function<String, String> promptText, Caller script, BufferedReader in) {
    this(out, promptText, prompt -> false, script, in);
  }

  /**
   * @param menuPrompt the prompts whose key may be shown; every other key is echoed as {@code *},
   *     because the first key of a key-by-key collect arrives through the prompt's STREAM FILE
   * @param script the scripted caller, or null to read from the terminal
   */
  SoftphoneCaller(
      PrintWriter out,
      Function<String, String> promptText,
      Predicate<String> menuPrompt,
      Caller script,
      BufferedReader in) {
    this.out = out;
    this.promptText = promptText;
    this.menuPrompt = menuPrompt;
    this.script = script;
    this.in = in;
  }

  @Override
  public CompletionStage<CallerAction> input(InputRequest request) {
    if (script != null) {
      return script.input(request).thenApply(action -> echo(request, action));
    }
    CompletableFuture<CallerAction> typed = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("softphone-keys")
        .start(() -> typed.complete(echo(request, read(request))));
    return typed;
  }

  @Override
  public boolean hangsUpBefore(String command) {
    return script != null && script.hangsUpBefore(command);
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
    out.println(line);
    out.flush();
  }

  /**
   * Reads one line of keys. They may be a real card number, so they stay in a {@code char[]} that
   * the PBX zeroes once it has used them; what is not handed over is zeroed here.
   */
  private CallerAction read(InputRequest request) {
    out.print(
        request.command().equals("STREAM FILE")
            ? "  [key to interrupt, Enter to listen on, h hangs up] "
            : "  [keys, then Enter; h hangs up] ");
    out.flush();
    char[] typed = readKeys(request);
    if (typed == null) {
      return new CallerAction.HangUp(Duration.ZERO);
    }
    int count = cleanInPlace(typed);
    if (count == 1 && (typed[0] == 'h' || typed[0] == 'H')) {
      Arrays.fill(typed, '\0');
      return new CallerAction.HangUp(Duration.ZERO);
    }
    for (int i = 0; i < count; i++) {
      typed[i] = Character.toUpperCase(typed[i]);
    }
    if (count == 0 || !allKeys(typed, count)) {
      Arrays.fill(typed, '\0');
      return new CallerAction.Silence();
    }
    return new CallerAction.Keys(KeyPresses.taking(typed, count), Duration.ZERO, Duration.ZERO);
  }

  /** Moves the non-blank characters of {@code typed} to its front; returns how many there are. */
  private static int cleanInPlace(char[] typed) {
    int count = 0;
    for (int i = 0; i < typed.length; i++) {
      char c = typed[i];
      typed[i] = '\0';
      if (!Character.isWhitespace(c) && c != '\0') {
        typed[count++] = c;
      }
    }
    return count;
  }

  private static boolean allKeys(char[] typed, int count) {
    for (int i = 0; i < count; i++) {
      char c = typed[i];
      boolean key = (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
      if (!key) {
        return false;
      }
    }
    return true;
  }

  /** A line of input as characters, or null at the end of input; never a String. */
  private char[] readKeys(InputRequest request) {
    Console console = System.console();
    if (console != null && !request.command().equals("STREAM FILE")) {
      return console.readPassword();
    }
    try {
      return readLine(in);
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads up to a line end; a longer line grows the array and zeroes the old one. */
  private static char[] readLine(BufferedReader in) throws IOException {
    char[] line = new char[32];
    int count = 0;
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        if (count == 0) {
          return null;
        }
        break;
      }
      if (count == line.length) {
        char[] longer = Arrays.copyOf(line, line.length * 2);
        Arrays.fill(line, '\0');
        line = longer;
      }
      line[count++] = (char) c;
    }
    char[] exact = Arrays.copyOf(line, count);
    Arrays.fill(line, '\0');
    return exact;
  }

  /** A menu key is shown; any other key that is a digit shows as {@code *}. */
  private char shown(InputRequest request, char key) {
    return menuPrompt.test(request.prompt()) || !Character.isDigit(key) ? key : '*';
  }

  private static String masked(KeyPresses keys) {
    char[] shown = new char[keys.length()];
    for (int i = 0; i < shown.length; i++) {
      char key = keys.keyAt(i);
      shown[i] = Character.isDigit(key) ? '*' : key;
    }
    return new String(shown);
  }

  private CallerAction echo(InputRequest request, CallerAction action) {
    switch (action) {
      case CallerAction.Keys(KeyPresses keys, Duration first, Duration gap) ->
          out.println(
              "  keys: "
                  + (request.command().equals("STREAM FILE")
                      ? String.valueOf(shown(request, keys.keyAt(0)))
                      : masked(keys)));
      case CallerAction.HangUp hangUp -> out.println("  (hangs up)");
      case CallerAction.Silence silence -> out.println("  (silence)");
    }
    out.flush();
    return action;
  }
}

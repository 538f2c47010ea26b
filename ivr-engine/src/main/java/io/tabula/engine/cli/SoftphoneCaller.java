package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
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
          case NUMBER, DIGITS, ALPHA -> "  \u266a (says " + heard.what() + ")";
          case DATE -> "  \u266a (says " + date(heard.what()) + ")";
          case APPLICATION -> "  (runs " + heard.what() + ")";
          case HANGUP_BY_ENGINE -> "  The engine hung up.";
          case TRANSFER -> "  Transferred to queue " + heard.what() + ".";
        };
    out.println(line);
    out.flush();
  }

  private CallerAction read(InputRequest request) {
    out.print(
        request.command().equals("STREAM FILE")
            ? "  [key to interrupt, Enter to listen on, h hangs up] "
            : "  [keys, then Enter; h hangs up] ");
    out.flush();
    String keys = readKeys(request);
    if (keys == null || keys.trim().equalsIgnoreCase("h")) {
      return new CallerAction.HangUp(Duration.ZERO);
    }
    String cleaned = keys.trim().toUpperCase(java.util.Locale.ROOT);
    if (cleaned.isEmpty() || !cleaned.matches("[0-9*#A-D]+")) {
      return new CallerAction.Silence();
    }
    return CallerAction.Keys.fast(cleaned);
  }

  private String readKeys(InputRequest request) {
    Console console = System.console();
    if (console != null && !request.command().equals("STREAM FILE")) {
      char[] typed = console.readPassword();
      return typed == null ? null : new String(typed);
    }
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /** SAY DATE carries seconds since the epoch; show the calendar date the caller hears. */
  private static String date(String epochSeconds) {
    try {
      return java.time.Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim()))
          .atZone(java.time.ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return epochSeconds;
    }
  }

  private String shown(InputRequest request, String key) {
    return menuPrompt.test(request.prompt()) ? key : key.replaceAll("[0-9]", "*");
  }

  private CallerAction echo(InputRequest request, CallerAction action) {
    switch (action) {
      case CallerAction.Keys(String keys, Duration first, Duration gap) ->
          out.println(
              "  keys: "
                  + (request.command().equals("STREAM FILE")
                      ? shown(request, keys.substring(0, 1))
                      : keys.replaceAll("[0-9]", "*")));
      case CallerAction.HangUp hangUp -> out.println("  (hangs up)");
      case CallerAction.Silence silence -> out.println("  (silence)");
    }
    out.flush();
    return action;
  }
}

package io.tabula.engine.pbx;

import io.tabula.flows.port.NumberGender;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.flows.say.SpokenWords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Asterisk 22 answers to each AGI command, as the fixtures recorded it: argument counts that
 * give a 520 usage block, 510 for unknown or empty commands, 511 for media commands on a dead
 * channel, GET DATA digits without {@code #} and with {@code (timeout)}, ASCII codes for WAIT FOR
 * DIGIT and STREAM FILE, endpos in 8 kHz samples, {@code -2} for an unknown application.
 */
final class PbxCommands {

  static final String TRANSFER_VARIABLE = "TABULA_TRANSFER";

  private static final List<String> VERBS =
      List.of(
          "GET FULL VARIABLE",
          "WAIT FOR DIGIT",
          "STREAM FILE",
          "GET DATA",
          "SAY NUMBER",
          "SAY DIGITS",
          "SAY ALPHA",
          "SAY DATETIME",
          "SAY DATE",
          "SET VARIABLE",
          "GET VARIABLE",
          "CHANNEL STATUS",
          "SET CONTEXT",
          "SET EXTENSION",
          "SET PRIORITY",
          "ANSWER",
          "HANGUP",
          "EXEC",
          "VERBOSE",
          "NOOP");
  private static final Set<String> DEAD_CAPABLE =
      Set.of("GET FULL VARIABLE", "SET VARIABLE", "GET VARIABLE", "EXEC", "VERBOSE", "NOOP");
  private static final Set<String> KNOWN_APPS =
      Set.of(
          "wait",
          "playback",
          "mixmonitor",
          "stopmixmonitor",
          "set",
          "noop",
          "queue",
          "goto",
          "dial",
          "hangup",
          "answer");
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private PbxCommands() {}

  static void execute(PbxCall call, String line) {
    List<String> args = AgiArguments.parse(line);
    String verb = verbOf(args);
    if (verb == null) {
      call.reply(0, "510 Invalid or unknown command\n");
      return;
    }
    if (!call.dead && call.caller().hangsUpBefore(verb)) {
      call.callerHungUp = true;
      call.markDead();
      call.write("HANGUP\n");
    }
    if (call.dead && !DEAD_CAPABLE.contains(verb)) {
      call.reply(0, PbxCall.DEAD);
      return;
    }
    int argc = args.size();
    switch (verb) {
      case "ANSWER" -> answer(call);
      case "HANGUP" -> hangup(call);
      case "STREAM FILE" ->
          checked(
              call,
              verb,
              argc >= 4 && argc <= 5,
              () -> MediaCommands.streamFile(call, args.get(2), args.get(3)));
      case "GET DATA" ->
          checked(call, verb, argc >= 3 && argc <= 5, () -> MediaCommands.getData(call, args));
      case "WAIT FOR DIGIT" ->
          checked(
              call,
              verb,
              argc == 4,
              () -> MediaCommands.waitForDigit(call, parseLong(args.get(3), -1)));
      case "SAY NUMBER" ->
          checked(
              call,
              verb,
              argc >= 4 && argc <= 5,
              () ->
                  say(
                      call,
                      Heard.Kind.NUMBER,
                      args.get(2),
                      AsteriskSay.number(
                          parseLong(args.get(2), 0),
                          gender(argc == 5 ? args.get(4) : ""),
                          call.language())));
      case "SAY DIGITS" ->
          checked(
              call,
              verb,
              argc == 4,
              () -> say(call, Heard.Kind.DIGITS, args.get(2), AsteriskSay.digits(args.get(2))));
      case "SAY ALPHA" ->
          checked(
              call,
              verb,
              argc == 4,
              () -> say(call, Heard.Kind.ALPHA, args.get(2), Sounds.alpha(args.get(2))));
      case "SAY DATE" ->
          checked(
              call,
              verb,
              argc == 4,
              () -> say(call, Heard.Kind.DATE, args.get(2), date(call, args.get(2))));
      case "SAY DATETIME" ->
          checked(
              call,
              verb,
              argc >= 4 && argc <= 6,
              () -> say(call, Heard.Kind.DATE, args.get(2), date(call, args.get(2))));
      case "SET VARIABLE" ->
          checked(call, verb, argc == 4, () -> setVariable(call, args.get(2), args.get(3)));
      case "GET VARIABLE" -> checked(call, verb, argc == 3, () -> getVariable(call, args.get(2)));
      case "GET FULL VARIABLE" ->
          checked(
              call,
              verb,
              argc >= 4 && argc <= 5,
              () -> call.reply(0, "200 result=1 (" + substitute(call, args.get(3)) + ")\n"));
      case "CHANNEL STATUS" -> call.reply(0, "200 result=" + (call.answered ? 6 : 4) + "\n");
      case "EXEC" -> checked(call, verb, argc >= 2, () -> exec(call, args));
      case "VERBOSE" -> call.reply(0, "200 result=1\n");
      default -> call.reply(0, "200 result=0\n");
    }
  }

  private static String verbOf(List<String> args) {
    String joined = String.join(" ", args).toUpperCase(Locale.ROOT);
    for (String verb : VERBS) {
      if (joined.equals(verb) || joined.startsWith(verb + " ")) {
        return verb;
      }
    }
    return null;
  }

  private static void checked(PbxCall call, String verb, boolean argsOk, Runnable run) {
    if (argsOk) {
      run.run();
    } else {
      call.reply(0, Usage.block(verb));
    }
  }

  private static void answer(PbxCall call) {
    call.answered = true;
    call.reply(call.options().answerDelay().toMillis(), "200 result=0\n");
  }

  private static void hangup(PbxCall call) {
    call.engineHungUp = true;
    call.markDead();
    call.heard(new Heard(Heard.Kind.HANGUP_BY_ENGINE, ""));
    call.reply(0, "200 result=1\nHANGUP\n");
  }

  private static NumberGender gender(String option) {
    return switch (option.toLowerCase(Locale.ROOT)) {
      case "m" -> NumberGender.MASCULINE;
      case "f" -> NumberGender.FEMININE;
      default -> NumberGender.NEUTRAL;
    };
  }

  /**
   * The files of a date the engine says: its {@code SAY DATETIME} in UTC in the channel language's
   * format (a {@code SAY DATE} is taken as the same date).
   */
  private static List<String> date(PbxCall call, String epochSeconds) {
    LocalDate date =
        Instant.ofEpochSecond(parseLong(epochSeconds, 0)).atZone(ZoneOffset.UTC).toLocalDate();
    return AsteriskSay.date(date, call.language());
  }

  private static void say(PbxCall call, Heard.Kind kind, String what, List<String> sounds) {
    call.heard(new Heard(kind, what, SpokenWords.of(sounds, call.language())));
    long millis = 0;
    for (String sound : sounds) {
      if (call.options().missingSounds().contains(sound)) {
        call.reply(millis, "200 result=-1\n");
        return;
      }
      millis += call.options().millisOf(sound);
    }
    call.reply(millis, "200 result=0\n");
  }

  private static void setVariable(PbxCall call, String name, String value) {
    call.variables.put(name, value);
    call.reply(0, "200 result=1\n");
  }

  private static void getVariable(PbxCall call, String name) {
    String value = call.variables.get(name);
    call.reply(0, value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n");
  }

  private static void exec(PbxCall call, List<String> args) {
    String app = args.get(1);
    String appArgs = args.size() > 2 ? args.get(2) : "";
    if (!KNOWN_APPS.contains(app.toLowerCase(Locale.ROOT))) {
      call.reply(0, "200 result=-2\n");
      return;
    }
    call.heard(new Heard(Heard.Kind.APPLICATION, app));
    long millis = 0;
    switch (app.toLowerCase(Locale.ROOT)) {
      case "wait" -> millis = Duration.ofMillis((long) (parseDouble(appArgs) * 1000)).toMillis();
      case "playback" -> millis = call.options().millisOf(appArgs);
      case "set" -> {
        int eq = appArgs.indexOf('=');
        if (eq > 0) {
          call.variables.put(appArgs.substring(0, eq), appArgs.substring(eq + 1));
        }
      }
      default -> millis = 0;
    }
    call.reply(millis, "200 result=0\n");
  }

  private static String substitute(PbxCall call, String expression) {
    Matcher m = VARIABLE_REFERENCE.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(call.variables.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  static long parseLong(String text, long fallback) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

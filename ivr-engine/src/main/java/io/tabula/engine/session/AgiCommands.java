package io.tabula.engine.session;

import io.tabula.engine.agi.AgiCommand;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.say.AsteriskSay;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The AGI commands of the call ports' methods, with the checks of their arguments, so that the
 * blocking {@link AgiCallPort} and the stepped {@link AgiCallSteps} send the very same lines.
 */
final class AgiCommands {

  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,8})?");
  private static final String DTMF_KEY_SET = "0123456789*#ABCD";

  private AgiCommands() {}

  /** {@code STREAM FILE <sound> "<keys>"}; the keys are checked. */
  static AgiCommand play(Prompt prompt, String escapeKeys) {
    if (!isDtmfKeys(escapeKeys)) {
      throw new IllegalArgumentException("escape keys are DTMF keys 0-9 * # A-D");
    }
    return playLine(prompt.sound(), escapeKeys);
  }

  /**
   * {@code STREAM FILE <sound> "<keys>"}, encoded once per sound and keys ({@link CommandLines}).
   */
  static AgiCommand playLine(String sound, String keys) {
    AgiCommand line = CommandLines.find(CommandLines.Kind.PLAY, sound, keys, 0, 0);
    if (line != null) {
      return line;
    }
    return CommandLines.keep(
        CommandLines.Kind.PLAY,
        sound,
        keys,
        0,
        0,
        AgiCommand.of("STREAM FILE").arg(sound).quoted(keys));
  }

  /** {@code WAIT FOR DIGIT <ms>}, encoded once per timeout. */
  static AgiCommand waitForDigit(Duration timeout) {
    long millis = timeout.toMillis();
    AgiCommand line = CommandLines.find(CommandLines.Kind.WAIT_FOR_DIGIT, null, null, millis, 0);
    if (line != null) {
      return line;
    }
    return CommandLines.keep(
        CommandLines.Kind.WAIT_FOR_DIGIT,
        null,
        null,
        millis,
        0,
        AgiCommand.of("WAIT FOR DIGIT").arg(millis));
  }

  /** {@code SAY NUMBER <n> "" [gender]}. */
  static AgiCommand sayNumber(long number, NumberGender gender) {
    AgiCommand command = AgiCommand.of("SAY NUMBER").arg(number).quoted("");
    if (!gender.agiOption().isEmpty()) {
      command.arg(gender.agiOption());
    }
    return command;
  }

  /** {@code SET VARIABLE CHANNEL(language) <language>}; the language is checked. */
  static AgiCommand setLanguage(String language) {
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException(
          "a language is a sounds folder name such as en, es or fr_CA");
    }
    return AgiCommand.of("SET VARIABLE").arg("CHANNEL(language)").arg(language);
  }

  /** {@code SAY DIGITS <digits> ""}; the digits are checked. */
  static AgiCommand sayDigits(String nonSecretDigits) {
    if (!isDigits(nonSecretDigits)) {
      throw new IllegalArgumentException("sayDigits takes 1..64 digits 0-9");
    }
    return AgiCommand.ofLine("SAY DIGITS", nonSecretDigits, "");
  }

  /**
   * {@code SAY DATETIME} of the date's midnight in UTC, said in UTC: {@code SAY DATE} would say it
   * in the Asterisk host's time zone (the day before, west of Greenwich) and in English word order
   * whatever the language. The format is the channel language's ({@link AsteriskSay#dateFormat}).
   */
  static AgiCommand sayDate(LocalDate date, String language) {
    return AgiCommand.of("SAY DATETIME")
        .arg(date.atStartOfDay().toEpochSecond(ZoneOffset.UTC))
        .quoted("")
        .quoted(AsteriskSay.dateFormat(language))
        .arg("UTC");
  }

  /** {@code SET VARIABLE <transfer variable> <queue>}; the queue name is checked. */
  static AgiCommand transfer(String variable, String queue) {
    if (!QUEUE.matcher(queue).matches()) {
      throw new IllegalArgumentException("a queue name is 1..64 letters, digits, _ or -");
    }
    return AgiCommand.of("SET VARIABLE").arg(variable).arg(queue);
  }

  static AgiCommand hangup() {
    return AgiCommand.of("HANGUP");
  }

  /** The key a {@code result=<ascii code>} stands for, or {@link KeyPress#NONE}. */
  static KeyPress keyOf(long asciiCode) {
    if (asciiCode <= 0 || asciiCode > 127) {
      return KeyPress.NONE;
    }
    return KEYS[(int) asciiCode];
  }

  /** The key of each ASCII code, made once ({@link KeyPress#NONE} for what is no DTMF key). */
  private static final KeyPress[] KEYS = keys();

  private static KeyPress[] keys() {
    KeyPress[] keys = new KeyPress[128];
    java.util.Arrays.fill(keys, KeyPress.NONE);
    for (int i = 0; i < DTMF_KEY_SET.length(); i++) {
      keys[DTMF_KEY_SET.charAt(i)] = new KeyPress(DTMF_KEY_SET.charAt(i));
    }
    return keys;
  }

  /** The check of {@code [0-9]{1,64}} without a matcher: it runs for every read-back. */
  private static boolean isDigits(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The check of {@code [0-9*#A-D]*} without a matcher: it runs before every prompt. */
  private static boolean isDtmfKeys(String keys) {
    for (int i = 0; i < keys.length(); i++) {
      if (DTMF_KEY_SET.indexOf(keys.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}

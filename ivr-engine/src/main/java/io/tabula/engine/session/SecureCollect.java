package io.tabula.engine.session;

import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplyExpectation;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Collects digits into a field with the AGI commands that fit the options.
 *
 * <p>Asterisk's {@code GET DATA} has one timeout for the first and every further digit (res_agi
 * passes it to {@code ast_app_getdata}, which uses it for both). When the two timeouts are equal
 * the collect is one {@code GET DATA <prompt> <ms> <max>}. When they differ it is {@code STREAM
 * FILE <prompt> "0123456789*#"} (a key pressed during the prompt is the first digit), then {@code
 * WAIT FOR DIGIT <first>} if none was, then {@code WAIT FOR DIGIT <inter>} per further digit.
 * Either way the digits go from the reply buffer into the field; {@code #} (or any non-digit key)
 * ends input and is not stored.
 *
 * <p>A prompt Asterisk has no sound file for never ends a collect: Asterisk answers {@code
 * result=-1} at once with the channel up, the miss is logged and counted ({@link
 * CommandRunner#promptMissing}), and the collect goes on without the prompt ({@code GET DATA ""},
 * or {@code WAIT FOR DIGIT} after the {@code STREAM FILE}).
 *
 * <p>The static parts (commands, limits, what a reply means) are the stepped port's too ({@link
 * AgiCallSteps}); only the waiting differs.
 */
final class SecureCollect {

  private static final String ANY_KEY = "0123456789*#";

  private final CommandRunner runner;

  SecureCollect(CommandRunner runner) {
    this.runner = runner;
  }

  CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    int wanted = wanted(field, options);
    if (wanted <= 0) {
      return new CollectResult(CollectResult.Status.COMPLETE, 0);
    }
    if (inOneCommand(options)) {
      return getData(prompt, field, wanted, options.firstDigitTimeout());
    }
    return keyByKey(prompt, field, wanted, options);
  }

  /** How many digits the collect asks for: the options' most, as far as the field has room. */
  static int wanted(SecretField field, CollectOptions options) {
    return Math.min(options.maxDigits(), field.capacity() - field.length());
  }

  /** Whether one {@code GET DATA} does: its one timeout serves the first and further digits. */
  static boolean inOneCommand(CollectOptions options) {
    return options.firstDigitTimeout().equals(options.interDigitTimeout());
  }

  private CollectResult getData(Prompt prompt, SecretField field, int wanted, Duration timeout) {
    AgiReply.SecureInput reply =
        runner.secure(
            getData(prompt.sound(), field, wanted, timeout), getDataLimit(runner, timeout, wanted));
    if (reply.ending() == AgiReply.Ending.FAILED) {
      // No sound file: Asterisk answers -1 at once and collects nothing. GET DATA "" collects
      // without a prompt (both checked against Asterisk 22.10.1).
      runner.promptMissing("GET DATA", prompt);
      reply =
          runner.secure(getData("", field, wanted, timeout), getDataLimit(runner, timeout, wanted));
    }
    if (reply.ending() == AgiReply.Ending.FAILED) {
      runner.failedMedia("GET DATA");
      throw failed("GET DATA");
    }
    return getDataResult(reply, wanted);
  }

  /** {@code GET DATA <sound> <ms> <wanted>}, its digits read into {@code field}. */
  static PendingCommand getData(String sound, SecretField field, int wanted, Duration timeout) {
    return PendingCommand.expecting(
        getDataLine(sound, timeout, wanted), new ReplyExpectation.DigitsInto(field));
  }

  /** {@code GET DATA <sound> <ms> <wanted>}, encoded once per prompt ({@link CommandLines}). */
  static AgiCommand getDataLine(String sound, Duration timeout, int wanted) {
    long millis = timeout.toMillis();
    AgiCommand line = CommandLines.find(CommandLines.Kind.GET_DATA, sound, null, millis, wanted);
    if (line != null) {
      return line;
    }
    AgiCommand command = AgiCommand.of("GET DATA");
    if (sound.isEmpty()) {
      command.quoted("");
    } else {
      command.arg(sound);
    }
    command.arg(millis).arg(wanted);
    return CommandLines.keep(CommandLines.Kind.GET_DATA, sound, null, millis, wanted, command);
  }

  /** The time limit of a {@code GET DATA}: the prompt, then every digit's timeout. */
  static Duration getDataLimit(CommandRunner runner, Duration timeout, int wanted) {
    return Duration.ofNanos(getDataLimitNanos(runner, timeout, wanted));
  }

  /** {@link #getDataLimit} in nanoseconds: no Duration per collect on the event loop. */
  static long getDataLimitNanos(CommandRunner runner, Duration timeout, int wanted) {
    return runner.mediaLimitNanos(
        TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() * (wanted + 1L)));
  }

  /** What a {@code GET DATA} reply that did not fail means for the collect. */
  static CollectResult getDataResult(AgiReply.SecureInput reply, int wanted) {
    return switch (reply.ending()) {
      case FAILED -> throw failed("GET DATA");
      case TIMEOUT -> result(CollectResult.Status.TIMEOUT, reply.digits());
      case KEY_TERMINATED, NO_KEY -> result(CollectResult.Status.TERMINATED, reply.digits());
      case INPUT_ENDED ->
          result(
              reply.digits() >= wanted
                  ? CollectResult.Status.COMPLETE
                  : CollectResult.Status.TERMINATED,
              reply.digits());
    };
  }

  /** Every result a collect of up to 64 digits can have, made once: one fewer object a collect. */
  private static final CollectResult[][] RESULTS = results();

  private static CollectResult[][] results() {
    CollectResult.Status[] statuses = CollectResult.Status.values();
    CollectResult[][] all = new CollectResult[statuses.length][65];
    for (CollectResult.Status status : statuses) {
      for (int digits = 0; digits <= 64; digits++) {
        all[status.ordinal()][digits] = new CollectResult(status, digits);
      }
    }
    return all;
  }

  static CollectResult result(CollectResult.Status status, int digits) {
    return digits >= 0 && digits <= 64
        ? RESULTS[status.ordinal()][digits]
        : new CollectResult(status, digits);
  }

  private CollectResult keyByKey(
      Prompt prompt, SecretField field, int wanted, CollectOptions options) {
    AgiReply.SecureInput first = key(playForKeys(prompt, field), Duration.ZERO);
    if (first.ending() == AgiReply.Ending.FAILED) {
      // No sound file (200 result=-1 endpos=0, the channel up): the keys are still wanted.
      runner.promptMissing("STREAM FILE", prompt);
      first = NO_KEY_YET;
    }
    if (first.ending() == AgiReply.Ending.NO_KEY) {
      first = key(waitForKey(field, options.firstDigitTimeout()), options.firstDigitTimeout());
    }
    int got = 0;
    AgiReply.SecureInput reply = first;
    while (true) {
      if (reply.ending() == AgiReply.Ending.FAILED) {
        runner.failedMedia("WAIT FOR DIGIT");
        throw failed("WAIT FOR DIGIT");
      }
      CollectResult done = afterKey(reply, got, wanted);
      if (done != null) {
        return done;
      }
      got += reply.digits();
      reply = key(waitForKey(field, options.interDigitTimeout()), options.interDigitTimeout());
    }
  }

  /** What a prompt that was not played counts as: no key pressed during it. */
  static final AgiReply.SecureInput NO_KEY_YET =
      new AgiReply.SecureInput(0, AgiReply.Ending.NO_KEY);

  /** {@code STREAM FILE <sound> "0123456789*#"}: a key pressed during the prompt is the first. */
  static PendingCommand playForKeys(Prompt prompt, SecretField field) {
    return PendingCommand.expecting(playForKeysLine(prompt), new ReplyExpectation.KeyInto(field));
  }

  /** The line of {@link #playForKeys}. */
  static AgiCommand playForKeysLine(Prompt prompt) {
    return AgiCommands.playLine(prompt.sound(), ANY_KEY);
  }

  /** {@code WAIT FOR DIGIT <ms>}, its key read into {@code field}. */
  static PendingCommand waitForKey(SecretField field, Duration timeout) {
    return PendingCommand.expecting(
        AgiCommands.waitForDigit(timeout), new ReplyExpectation.KeyInto(field));
  }

  /**
   * Where a key-by-key collect stands after a key reply that did not fail, with {@code got} digits
   * before it: its result, or null when it goes on (with {@code got + reply.digits()} digits).
   */
  static CollectResult afterKey(AgiReply.SecureInput reply, int got, int wanted) {
    return switch (reply.ending()) {
      case NO_KEY, TIMEOUT -> result(CollectResult.Status.TIMEOUT, got);
      case KEY_TERMINATED -> result(CollectResult.Status.TERMINATED, got);
      case FAILED -> throw failed("WAIT FOR DIGIT");
      case INPUT_ENDED ->
          got + reply.digits() >= wanted
              ? result(CollectResult.Status.COMPLETE, got + reply.digits())
              : null;
    };
  }

  private AgiReply.SecureInput key(PendingCommand command, Duration inputTime) {
    return runner.secure(command, runner.mediaLimit(inputTime));
  }

  /** A collect command answered {@code result=-1} and no HANGUP line followed in time. */
  static CallPortException failed(String verb) {
    return new CallPortException(
        CallPortException.Kind.COMMAND_FAILED,
        verb + " returned -1 while the channel is up; check Asterisk's log for this call");
  }
}

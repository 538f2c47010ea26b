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
 */
final class SecureCollect {

  private static final String ANY_KEY = "0123456789*#";

  private final CommandRunner runner;

  SecureCollect(CommandRunner runner) {
    this.runner = runner;
  }

  CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    int wanted = Math.min(options.maxDigits(), field.capacity() - field.length());
    if (wanted <= 0) {
      return new CollectResult(CollectResult.Status.COMPLETE, 0);
    }
    if (options.firstDigitTimeout().equals(options.interDigitTimeout())) {
      return getData(prompt, field, wanted, options.firstDigitTimeout());
    }
    return keyByKey(prompt, field, wanted, options);
  }

  private CollectResult getData(Prompt prompt, SecretField field, int wanted, Duration timeout) {
    AgiReply.SecureInput reply = getData(prompt.sound(), field, wanted, timeout);
    if (reply.ending() == AgiReply.Ending.FAILED) {
      // No sound file: Asterisk answers -1 at once and collects nothing. GET DATA "" collects
      // without a prompt (both checked against Asterisk 22.10.1).
      runner.promptMissing("GET DATA", prompt);
      reply = getData("", field, wanted, timeout);
    }
    return switch (reply.ending()) {
      case FAILED -> throw failed("GET DATA");
      case TIMEOUT -> new CollectResult(CollectResult.Status.TIMEOUT, reply.digits());
      case KEY_TERMINATED, NO_KEY ->
          new CollectResult(CollectResult.Status.TERMINATED, reply.digits());
      case INPUT_ENDED ->
          new CollectResult(
              reply.digits() >= wanted
                  ? CollectResult.Status.COMPLETE
                  : CollectResult.Status.TERMINATED,
              reply.digits());
    };
  }

  private AgiReply.SecureInput getData(
      String prompt, SecretField field, int wanted, Duration timeout) {
    AgiCommand command = AgiCommand.of("GET DATA");
    if (prompt.isEmpty()) {
      command.quoted("");
    } else {
      command.arg(prompt);
    }
    command.arg(timeout.toMillis()).arg(wanted);
    // Millisecond arithmetic: Duration.multipliedBy goes through BigDecimal on every collect.
    Duration limit = runner.mediaLimit(Duration.ofMillis(timeout.toMillis() * (wanted + 1L)));
    return runner.secure(
        PendingCommand.expecting(command, new ReplyExpectation.DigitsInto(field)), limit);
  }

  private CollectResult keyByKey(
      Prompt prompt, SecretField field, int wanted, CollectOptions options) {
    AgiCommand play = AgiCommand.of("STREAM FILE").arg(prompt.sound()).quoted(ANY_KEY);
    AgiReply.SecureInput first = key(play, field, Duration.ZERO);
    if (first.ending() == AgiReply.Ending.FAILED) {
      // No sound file (200 result=-1 endpos=0, the channel up): the keys are still wanted.
      runner.promptMissing("STREAM FILE", prompt);
      first = new AgiReply.SecureInput(0, AgiReply.Ending.NO_KEY);
    }
    if (first.ending() == AgiReply.Ending.NO_KEY) {
      first = key(waitForDigit(options.firstDigitTimeout()), field, options.firstDigitTimeout());
    }
    int got = 0;
    AgiReply.SecureInput reply = first;
    while (true) {
      switch (reply.ending()) {
        case NO_KEY, TIMEOUT -> {
          return new CollectResult(CollectResult.Status.TIMEOUT, got);
        }
        case KEY_TERMINATED -> {
          return new CollectResult(CollectResult.Status.TERMINATED, got);
        }
        case FAILED -> throw failed("WAIT FOR DIGIT");
        case INPUT_ENDED -> got += reply.digits();
      }
      if (got >= wanted) {
        return new CollectResult(CollectResult.Status.COMPLETE, got);
      }
      reply = key(waitForDigit(options.interDigitTimeout()), field, options.interDigitTimeout());
    }
  }

  private AgiReply.SecureInput key(AgiCommand command, SecretField field, Duration inputTime) {
    return runner.secure(
        PendingCommand.expecting(command, new ReplyExpectation.KeyInto(field)),
        runner.mediaLimit(inputTime));
  }

  private static AgiCommand waitForDigit(Duration timeout) {
    return AgiCommand.of("WAIT FOR DIGIT").arg(timeout.toMillis());
  }

  private CallPortException failed(String verb) {
    runner.failedMedia(verb);
    return new CallPortException(
        CallPortException.Kind.COMMAND_FAILED,
        verb + " returned -1 while the channel is up; check Asterisk's log for this call");
  }
}

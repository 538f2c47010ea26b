package io.tabula.engine.session;

import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplyExpectation;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.ExecResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link CallPort} of one live call over FastAGI. Each method sends one or a few AGI commands
 * and blocks the calling (virtual) thread until Asterisk replies; the event loop never waits.
 *
 * <p>Secure collects read their digits through {@link ReplyExpectation.DigitsInto} and {@link
 * ReplyExpectation.KeyInto}, so the digits go from the inbound buffer into the field. See {@link
 * SecureCollect} for how a collect maps to {@code GET DATA} or {@code STREAM FILE} plus {@code WAIT
 * FOR DIGIT}. When the recording is muted and unmuted is the {@link MuteWindow}'s call: every
 * command that plays or waits for keys passes through it first.
 *
 * <pre>{@code
 * CallPort call = new AgiCallPort(session, recordingControl);
 * handler.handle(call); // on the call's virtual thread
 * }</pre>
 */
public final class AgiCallPort implements CallPort {

  private static final Pattern APPLICATION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_()]*");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String DTMF_KEY_SET = "0123456789*#ABCD";

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,8})?");

  private final CallSession session;
  private final CommandRunner runner;
  private final MuteWindow mute;
  // The channel's language: agi_language, then what setLanguage set. Only this call's thread.
  private String language;

  public AgiCallPort(CallSession session, RecordingControl recording) {
    this.session = session;
    this.runner = new CommandRunner(session);
    this.mute =
        new MuteWindow(
            recording,
            session.info().channel(),
            session.info().uniqueId(),
            session.settings().unmuteGrace());
    this.language = session.info().language() == null ? "" : session.info().language();
  }

  @Override
  public CallInfo info() {
    return session.info();
  }

  @Override
  public CallMemory memory() {
    return session
        .memory()
        .orElseThrow(
            () -> new IllegalStateException("this call was rejected before it got secret memory"));
  }

  @Override
  public KeyPress play(Prompt prompt, String escapeKeys) {
    requireKeys(escapeKeys);
    mute.beforeOpenCommand();
    AgiCommand command = AgiCommand.of("STREAM FILE").arg(prompt.sound()).quoted(escapeKeys);
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(Duration.ZERO));
    if (reply.result() < 0) {
      runner.promptMissing("STREAM FILE", prompt);
      return KeyPress.NONE;
    }
    return keyOf(reply.result());
  }

  @Override
  public CollectResult collect(Prompt prompt, SecretField field, CollectOptions options) {
    if (!options.secure()) {
      mute.beforeOpenCommand();
      return new SecureCollect(runner).collect(prompt, field, options);
    }
    mute.beforeSecure();
    boolean normally = false;
    try {
      CollectResult result = new SecureCollect(runner).collect(prompt, field, options);
      normally = true;
      return result;
    } finally {
      mute.afterSecure(normally);
    }
  }

  @Override
  public void keepRecordingMuted() {
    mute.keepMuted();
  }

  @Override
  public KeyPress waitForKey(Duration timeout) {
    mute.beforeOpenCommand();
    AgiCommand command = AgiCommand.of("WAIT FOR DIGIT").arg(timeout.toMillis());
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(timeout));
    if (reply.result() < 0) {
      runner.failedMedia("WAIT FOR DIGIT");
      return KeyPress.NONE;
    }
    return keyOf(reply.result());
  }

  @Override
  public void sayNumber(long number, NumberGender gender) {
    AgiCommand command = AgiCommand.of("SAY NUMBER").arg(number).quoted("");
    if (!gender.agiOption().isEmpty()) {
      command.arg(gender.agiOption());
    }
    say(command);
  }

  @Override
  public void setLanguage(String language) {
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException(
          "a language is a sounds folder name such as en, es or fr_CA");
    }
    AgiCommand command = AgiCommand.of("SET VARIABLE").arg("CHANNEL(language)").arg(language);
    runner.success(PendingCommand.plain(command), session.settings().commandTimeout());
    this.language = language;
  }

  @Override
  public void sayDigits(String nonSecretDigits) {
    if (!isDigits(nonSecretDigits)) {
      throw new IllegalArgumentException("sayDigits takes 1..64 digits 0-9");
    }
    say(AgiCommand.of("SAY DIGITS").arg(nonSecretDigits).quoted(""));
  }

  /**
   * {@code SAY DATETIME} of the date's midnight in UTC, said in UTC: {@code SAY DATE} would say it
   * in the Asterisk host's time zone (the day before, west of Greenwich) and in English word order
   * whatever the language. The format is the channel language's ({@link AsteriskSay#dateFormat}).
   */
  @Override
  public void sayDate(LocalDate date) {
    say(
        AgiCommand.of("SAY DATETIME")
            .arg(date.atStartOfDay().toEpochSecond(ZoneOffset.UTC))
            .quoted("")
            .quoted(AsteriskSay.dateFormat(language))
            .arg("UTC"));
  }

  @Override
  public ExecResult exec(String application, String arguments) {
    if (!APPLICATION.matcher(application).matches()) {
      throw new IllegalArgumentException(
          "not a dialplan application name; use letters, digits and _");
    }
    mute.beforeOpenCommand();
    AgiCommand command = AgiCommand.of("EXEC").arg(application);
    if (arguments != null && !arguments.isEmpty()) {
      command.arg(arguments);
    }
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(Duration.ZERO));
    return new ExecResult((int) reply.result());
  }

  @Override
  public Optional<String> variable(String name) {
    if (!VARIABLE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a channel variable name; use letters, digits, _ and ()");
    }
    AgiCommand command = AgiCommand.of("GET VARIABLE").arg(name);
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), session.settings().commandTimeout());
    return reply.result() == 1 && reply.data() != null
        ? Optional.of(reply.data())
        : Optional.empty();
  }

  @Override
  public void transfer(String queue) {
    if (!QUEUE.matcher(queue).matches()) {
      throw new IllegalArgumentException("a queue name is 1..64 letters, digits, _ or -");
    }
    // The digits must be gone before the call leaves this engine.
    session.zeroMemory();
    AgiCommand command =
        AgiCommand.of("SET VARIABLE").arg(session.settings().transferVariable()).arg(queue);
    runner.success(PendingCommand.plain(command), session.settings().commandTimeout());
    session.finish(CallOutcome.TRANSFERRED);
  }

  @Override
  public void hangup() {
    hangup(CallOutcome.HUNG_UP_BY_ENGINE);
  }

  /** Zeroes the memory, sends {@code HANGUP} and ends the session with {@code outcome}. */
  void hangup(CallOutcome outcome) {
    session.zeroMemory();
    session.expectHangupAs(outcome);
    try {
      runner.send(
          PendingCommand.plain(AgiCommand.of("HANGUP")), session.settings().commandTimeout());
    } finally {
      session.finish(outcome);
    }
  }

  private void say(AgiCommand command) {
    mute.beforeOpenCommand();
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(Duration.ZERO));
    if (reply.result() == -1) {
      // A missing sound file also gives -1 while the channel stays up (observation 4).
      runner.failedMedia(command.verb());
    }
  }

  private static void requireKeys(String keys) {
    if (!isDtmfKeys(keys)) {
      throw new IllegalArgumentException("escape keys are DTMF keys 0-9 * # A-D");
    }
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

  static KeyPress keyOf(long asciiCode) {
    if (asciiCode <= 0 || asciiCode > 127 || DTMF_KEY_SET.indexOf((char) asciiCode) < 0) {
      return KeyPress.NONE;
    }
    return new KeyPress((char) asciiCode);
  }
}

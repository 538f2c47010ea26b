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
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
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

  private final CallSession session;
  private final CommandRunner runner;
  private final CallChannel channel;
  private final MuteWindow mute;

  public AgiCallPort(CallSession session, RecordingControl recording) {
    this(session, new CallChannel(session, recording));
  }

  /** A port over a channel a stepped port of the same call shares (its blocking work). */
  AgiCallPort(CallSession session, CallChannel channel) {
    this(session, channel, new CommandRunner(session));
  }

  /** A port that also shares the stepped port's runner (a runner keeps nothing per command). */
  AgiCallPort(CallSession session, CallChannel channel, CommandRunner runner) {
    this.session = session;
    this.runner = runner;
    this.channel = channel;
    this.mute = channel.mute();
  }

  @Override
  public CallInfo info() {
    return session.info();
  }

  @Override
  public CallMemory memory() {
    return memoryOf(session);
  }

  /** The call's memory; a call rejected before it got any has none to give. */
  static CallMemory memoryOf(CallSession session) {
    return session
        .memory()
        .orElseThrow(
            () -> new IllegalStateException("this call was rejected before it got secret memory"));
  }

  @Override
  public KeyPress play(Prompt prompt, String escapeKeys) {
    AgiCommand command = AgiCommands.play(prompt, escapeKeys);
    mute.beforeOpenCommand();
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(Duration.ZERO));
    if (reply.result() < 0) {
      runner.promptMissing("STREAM FILE", prompt);
      return KeyPress.NONE;
    }
    return AgiCommands.keyOf(reply.result());
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
    AgiCommand command = AgiCommands.waitForDigit(timeout);
    AgiReply.Success reply =
        runner.success(PendingCommand.plain(command), runner.mediaLimit(timeout));
    if (reply.result() < 0) {
      runner.failedMedia("WAIT FOR DIGIT");
      return KeyPress.NONE;
    }
    return AgiCommands.keyOf(reply.result());
  }

  @Override
  public void sayNumber(long number, NumberGender gender) {
    say(AgiCommands.sayNumber(number, gender));
  }

  @Override
  public void setLanguage(String language) {
    AgiCommand command = AgiCommands.setLanguage(language);
    runner.success(PendingCommand.plain(command), session.settings().commandTimeout());
    channel.language(language);
  }

  @Override
  public void sayDigits(String nonSecretDigits) {
    say(AgiCommands.sayDigits(nonSecretDigits));
  }

  /** {@link AgiCommands#sayDate}: the date's midnight in UTC, in the channel language's format. */
  @Override
  public void sayDate(LocalDate date) {
    say(AgiCommands.sayDate(date, channel.language()));
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
    AgiCommand command = AgiCommands.transfer(session.settings().transferVariable(), queue);
    // The digits must be gone before the call leaves this engine.
    session.zeroMemory();
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
      runner.send(PendingCommand.plain(AgiCommands.hangup()), session.settings().commandTimeout());
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
}

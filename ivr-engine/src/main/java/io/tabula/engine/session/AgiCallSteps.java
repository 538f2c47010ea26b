package io.tabula.engine.session;

import io.netty.channel.EventLoop;
import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplyExpectation;
import io.tabula.engine.agi.ReplySlot;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.Then;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The {@link CallSteps} of one live call over FastAGI: the same commands, time limits, drain check,
 * metrics and typed errors as {@link AgiCallPort} (through the same {@link CommandRunner}, {@link
 * AgiCommands} and {@link SecureCollect} parts), without a thread. Each method sends its command
 * from the call's event loop and returns; the reply slot's listener ({@link ReplySlot#listen}) runs
 * the rest on the loop when the reply comes, inline in the read that decoded it.
 *
 * <p>One operation at a time, so the operation's state lives in fields of this one object per call:
 * a steady command allocates only its {@link PendingCommand} and reply, as the blocking port does.
 * What may block is handed to the blocking port of the same call on a virtual thread ({@link
 * #blocking}): the caller's work, and the commands before which the {@link MuteWindow} must wait
 * for Asterisk's AMI (muting before secure input, unmuting after it).
 *
 * <pre>{@code
 * AgiCallSteps steps = new AgiCallSteps(session, recording, runner); // on the call's event loop
 * handler.start(steps, runner::ended);
 * }</pre>
 */
public final class AgiCallSteps implements CallSteps, ReplySlot.Listener, Runnable {

  /** What the reply to the command in flight means, or what waits after a {@code result=-1}. */
  private enum Step {
    PLAY,
    WAIT_KEY,
    SAY,
    SET_LANGUAGE,
    TRANSFER,
    HANGUP,
    GET_DATA,
    GET_DATA_WITHOUT_PROMPT,
    KEYS_PROMPT,
    KEYS_NEXT,
    // After a result=-1 that no HANGUP line followed within call.hangupGrace:
    PLAY_MISSING,
    WAIT_KEY_FAILED,
    SAY_FAILED,
    GET_DATA_MISSING,
    GET_DATA_FAILED,
    KEYS_PROMPT_MISSING,
    KEYS_FAILED
  }

  private final CallSession session;
  private final CommandRunner runner;
  private final CallChannel channel;
  private final MuteWindow mute;

  /** The blocking port for the call's blocking work, made when the call first needs one. */
  private AgiCallPort port;

  final EventLoop loop;
  final SteppedCallRunner owner;
  private final StepCommands commands = new StepCommands();

  // The operation in progress; written and read on the loop only.
  private Then<?> then;
  private Step step;
  private PendingCommand command;
  private long limitNanos;
  private long started;
  // While a reply is answered on the loop (resume), when it was taken: a command the flow sends
  // in that same turn counts as sent then, one clock read for both.
  private boolean answering;
  private long answeredAt;
  private boolean sending;
  private boolean settledWhileSending;
  private RuntimeException pendingFailure;
  private HangupGrace grace;
  private Step graceStep;

  // The arguments the operation's later commands need.
  private Prompt prompt;
  private String language;
  private SecretField field;
  private CollectOptions options;
  private int wanted;
  private int got;
  private boolean secureCollect;

  AgiCallSteps(CallSession session, CallChannel channel, EventLoop loop, SteppedCallRunner owner) {
    this.session = session;
    this.runner = new CommandRunner(session);
    this.channel = channel;
    this.mute = channel.mute();
    this.loop = loop;
    this.owner = owner;
  }

  @Override
  public CallInfo info() {
    return session.info();
  }

  @Override
  public CallMemory memory() {
    return AgiCallPort.memoryOf(session);
  }

  @Override
  public void play(Prompt prompt, String escapeKeys, Then<KeyPress> then) {
    begin(then);
    if (mute.mayWaitBefore(false)) {
      handOver(call -> call.play(prompt, escapeKeys));
      return;
    }
    AgiCommand play;
    try {
      play = AgiCommands.play(prompt, escapeKeys);
    } catch (RuntimeException e) {
      failSoon(e);
      return;
    }
    this.prompt = prompt;
    mute.beforeOpenCommand(); // waits for nothing here (mayWaitBefore), but keeps the window's
    // state
    send(Step.PLAY, play, ReplyExpectation.RESULT_ONLY, runner.mediaLimitNanos(0));
  }

  @Override
  public void collect(
      Prompt prompt, SecretField field, CollectOptions options, Then<CollectResult> then) {
    begin(then);
    if (mute.mayWaitBefore(options.secure())) {
      handOver(call -> call.collect(prompt, field, options));
      return;
    }
    if (options.secure()) {
      mute.beforeSecure(); // acts at once, or the window is open already: nothing to wait for
      secureCollect = true;
    } else {
      mute.beforeOpenCommand();
    }
    this.prompt = prompt;
    this.field = field;
    this.options = options;
    this.wanted = SecureCollect.wanted(field, options);
    this.got = 0;
    if (wanted <= 0) {
      done(new CollectResult(CollectResult.Status.COMPLETE, 0));
    } else if (SecureCollect.inOneCommand(options)) {
      sendGetData(Step.GET_DATA, prompt.sound());
    } else {
      send(
          Step.KEYS_PROMPT,
          SecureCollect.playForKeysLine(prompt),
          commands.keyInto(field),
          runner.mediaLimitNanos(0));
    }
  }

  @Override
  public void keepRecordingMuted() {
    mute.keepMuted();
  }

  @Override
  public void waitForKey(Duration timeout, Then<KeyPress> then) {
    begin(then);
    if (mute.mayWaitBefore(false)) {
      handOver(call -> call.waitForKey(timeout));
      return;
    }
    mute.beforeOpenCommand();
    send(
        Step.WAIT_KEY,
        AgiCommands.waitForDigit(timeout),
        ReplyExpectation.RESULT_ONLY,
        runner.mediaLimitNanos(timeout.toNanos()));
  }

  @Override
  public void sayNumber(long number, NumberGender gender, Then<Void> then) {
    begin(then);
    if (mute.mayWaitBefore(false)) {
      handOver(call -> run(() -> call.sayNumber(number, gender)));
      return;
    }
    say(AgiCommands.sayNumber(number, gender));
  }

  @Override
  public void setLanguage(String language, Then<Void> then) {
    begin(then);
    AgiCommand command;
    try {
      command = AgiCommands.setLanguage(language);
    } catch (RuntimeException e) {
      failSoon(e);
      return;
    }
    this.language = language;
    send(
        Step.SET_LANGUAGE,
        command,
        ReplyExpectation.PLAIN,
        session.settings().commandTimeout().toNanos());
  }

  @Override
  public void sayDigits(String nonSecretDigits, Then<Void> then) {
    begin(then);
    if (mute.mayWaitBefore(false)) {
      handOver(call -> run(() -> call.sayDigits(nonSecretDigits)));
      return;
    }
    AgiCommand command;
    try {
      command = commands.sayDigits(nonSecretDigits);
    } catch (RuntimeException e) {
      failSoon(e);
      return;
    }
    say(command);
  }

  @Override
  public void sayDate(LocalDate date, Then<Void> then) {
    begin(then);
    if (mute.mayWaitBefore(false)) {
      handOver(call -> run(() -> call.sayDate(date)));
      return;
    }
    say(AgiCommands.sayDate(date, channel.language()));
  }

  @Override
  public void transfer(String queue, Then<Void> then) {
    begin(then);
    AgiCommand command;
    try {
      command = AgiCommands.transfer(session.settings().transferVariable(), queue);
    } catch (RuntimeException e) {
      failSoon(e);
      return;
    }
    // The digits must be gone before the call leaves this engine.
    session.zeroMemory();
    send(
        Step.TRANSFER,
        command,
        ReplyExpectation.PLAIN,
        session.settings().commandTimeout().toNanos());
  }

  @Override
  public void hangup(Then<Void> then) {
    begin(then);
    session.zeroMemory();
    session.expectHangupAs(CallOutcome.HUNG_UP_BY_ENGINE);
    send(
        Step.HANGUP,
        AgiCommands.hangup(),
        ReplyExpectation.PLAIN,
        session.settings().commandTimeout().toNanos());
  }

  @Override
  public <T> void blocking(Function<CallPort, T> work, Then<T> then) {
    begin(then);
    handOver(work);
  }

  /** Event loop (or the settling thread when the loop is gone): the command's slot settled. */
  @Override
  public void settled(ReplySlot slot) {
    if (command == null || slot != command.reply()) {
      return; // not the command in flight: nothing of this call waits for it
    }
    if (sending) {
      // Settled inside the send (the call had ended): answer after the operation's method
      // returned, so a continuation never runs inside the method its caller is still in.
      settledWhileSending = true;
      return;
    }
    resume();
  }

  private void resume() {
    long now = System.nanoTime();
    answering = true;
    answeredAt = now;
    try {
      resumeAt(now);
    } finally {
      answering = false;
    }
  }

  private void resumeAt(long now) {
    Step at = step;
    Object value;
    try {
      AgiReply reply = runner.answer(command, limitNanos, started, now);
      value = next(at, reply);
    } catch (RuntimeException e) {
      if (at == Step.HANGUP) {
        session.finish(CallOutcome.HUNG_UP_BY_ENGINE);
      }
      fail(e);
      return;
    }
    if (value != Pending.MORE) {
      done(value == Pending.NOTHING ? null : value);
    }
  }

  /** What an operation's result is when it has none yet or answers nothing (not a value). */
  private enum Pending {
    MORE,
    NOTHING
  }

  /**
   * The reply's meaning at {@code at}: the operation's value, or {@link Pending#MORE} if not yet.
   */
  private Object next(Step at, AgiReply reply) {
    return switch (at) {
      case PLAY -> keyOrGrace(runner.asSuccess(command, reply), Step.PLAY_MISSING);
      case WAIT_KEY -> keyOrGrace(runner.asSuccess(command, reply), Step.WAIT_KEY_FAILED);
      case SAY -> {
        if (runner.asSuccess(command, reply).result() == -1) {
          // A missing sound file also gives -1 while the channel stays up (observation 4).
          yield awaitHangup(Step.SAY_FAILED);
        }
        yield Pending.NOTHING;
      }
      case SET_LANGUAGE -> {
        runner.asSuccess(command, reply);
        channel.language(language);
        yield Pending.NOTHING;
      }
      case TRANSFER -> {
        runner.asSuccess(command, reply);
        session.finish(CallOutcome.TRANSFERRED);
        yield Pending.NOTHING;
      }
      case HANGUP -> {
        session.finish(CallOutcome.HUNG_UP_BY_ENGINE);
        yield Pending.NOTHING;
      }
      case GET_DATA -> getDataOrGrace(runner.asSecure(command, reply), Step.GET_DATA_MISSING);
      case GET_DATA_WITHOUT_PROMPT ->
          getDataOrGrace(runner.asSecure(command, reply), Step.GET_DATA_FAILED);
      case KEYS_PROMPT -> {
        AgiReply.SecureInput first = runner.asSecure(command, reply);
        yield first.ending() == AgiReply.Ending.FAILED
            ? awaitHangup(Step.KEYS_PROMPT_MISSING)
            : afterPrompt(first);
      }
      case KEYS_NEXT -> afterKey(runner.asSecure(command, reply));
      default -> throw new IllegalStateException(at + " has no command in flight");
    };
  }

  private Object keyOrGrace(AgiReply.Success reply, Step ifMissing) {
    return reply.result() < 0 ? awaitHangup(ifMissing) : AgiCommands.keyOf(reply.result());
  }

  private Object getDataOrGrace(AgiReply.SecureInput reply, Step ifFailed) {
    return reply.ending() == AgiReply.Ending.FAILED
        ? awaitHangup(ifFailed)
        : SecureCollect.getDataResult(reply, wanted);
  }

  /** After the collect's prompt: its key is the first digit, or the first digit is waited for. */
  private Object afterPrompt(AgiReply.SecureInput first) {
    if (first.ending() == AgiReply.Ending.NO_KEY) {
      Duration timeout = options.firstDigitTimeout();
      send(
          Step.KEYS_NEXT,
          AgiCommands.waitForDigit(timeout),
          commands.keyInto(field),
          runner.mediaLimitNanos(timeout.toNanos()));
      return Pending.MORE;
    }
    return afterKey(first);
  }

  private Object afterKey(AgiReply.SecureInput reply) {
    if (reply.ending() == AgiReply.Ending.FAILED) {
      return awaitHangup(Step.KEYS_FAILED);
    }
    CollectResult result = SecureCollect.afterKey(reply, got, wanted);
    if (result != null) {
      return result;
    }
    got += reply.digits();
    Duration timeout = options.interDigitTimeout();
    send(
        Step.KEYS_NEXT,
        AgiCommands.waitForDigit(timeout),
        commands.keyInto(field),
        runner.mediaLimitNanos(timeout.toNanos()));
    return Pending.MORE;
  }

  /** After {@code call.hangupGrace} without a HANGUP line: the step goes on as the port's does. */
  private void afterGrace(Step at) {
    Object value;
    try {
      value =
          switch (at) {
            case PLAY_MISSING -> {
              runner.promptWasMissing("STREAM FILE", prompt);
              yield KeyPress.NONE;
            }
            case WAIT_KEY_FAILED -> {
              runner.mediaFailed("WAIT FOR DIGIT");
              yield KeyPress.NONE;
            }
            case SAY_FAILED -> {
              runner.mediaFailed(command.command().verb());
              yield Pending.NOTHING;
            }
            case GET_DATA_MISSING -> {
              runner.promptWasMissing("GET DATA", prompt);
              sendGetData(Step.GET_DATA_WITHOUT_PROMPT, "");
              yield Pending.MORE;
            }
            case GET_DATA_FAILED -> {
              runner.mediaFailed("GET DATA");
              throw SecureCollect.failed("GET DATA");
            }
            case KEYS_PROMPT_MISSING -> {
              runner.promptWasMissing("STREAM FILE", prompt);
              yield afterPrompt(SecureCollect.NO_KEY_YET);
            }
            case KEYS_FAILED -> {
              runner.mediaFailed("WAIT FOR DIGIT");
              throw SecureCollect.failed("WAIT FOR DIGIT");
            }
            default -> throw new IllegalStateException(at + " does not follow a grace time");
          };
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    if (value != Pending.MORE) {
      done(value == Pending.NOTHING ? null : value);
    }
  }

  /**
   * {@code result=-1} alone does not prove a hangup (a missing sound file gives it too): waits
   * {@code call.hangupGrace} on the loop, without blocking it, for the call to end; {@code then}
   * goes on if it did not.
   */
  private Object awaitHangup(Step then) {
    graceStep = then;
    grace = new HangupGrace(session, this);
    grace.start();
    return Pending.MORE;
  }

  private void sendGetData(Step at, String sound) {
    Duration timeout = options.firstDigitTimeout();
    send(
        at,
        SecureCollect.getDataLine(sound, timeout, wanted),
        commands.digitsInto(field),
        SecureCollect.getDataLimitNanos(runner, timeout, wanted));
  }

  private void say(AgiCommand command) {
    mute.beforeOpenCommand();
    send(Step.SAY, command, ReplyExpectation.RESULT_ONLY, runner.mediaLimitNanos(0));
  }

  /** Sends a command of the operation; its slot's settlement resumes the operation. */
  private void send(Step at, AgiCommand line, ReplyExpectation expecting, long withinNanos) {
    PendingCommand next = commands.pending(line, expecting);
    step = at;
    command = next;
    limitNanos = withinNanos;
    next.reply().listen(this, loop);
    sending = true;
    try {
      started =
          answering
              ? runner.dispatch(next, withinNanos, answeredAt)
              : runner.dispatch(next, withinNanos);
    } catch (RuntimeException e) {
      // A drain asked for the error path: the command did not go.
      sending = false;
      command = null;
      if (at == Step.HANGUP) {
        session.finish(CallOutcome.HUNG_UP_BY_ENGINE);
      }
      failSoon(e);
      return;
    } finally {
      sending = false;
    }
    if (settledWhileSending) {
      settledWhileSending = false;
      execute(this); // run() resumes: no failure is pending, the command went
    }
  }

  private void begin(Then<?> next) {
    if (then != null) {
      throw new IllegalStateException(
          "a CallSteps operation started while another one was running; start the next one from"
              + " the previous one's Then");
    }
    then = next;
  }

  /** Runs {@code work} with the blocking port on a thread of its own; resumes on the loop. */
  private void handOver(Function<CallPort, ?> work) {
    if (port == null) {
      port = new AgiCallPort(session, channel, runner);
    }
    BlockingWork job = new BlockingWork(work, port, session, this);
    try {
      Thread.ofVirtual().name("call-" + session.info().uniqueId()).start(job);
    } catch (RuntimeException | OutOfMemoryError e) {
      failSoon(new IllegalStateException("no thread for the call's blocking work", e));
    }
  }

  /** A failure known before a command went: delivered from the loop's queue, not from inside. */
  private void failSoon(RuntimeException failure) {
    pendingFailure = failure;
    execute(this); // run() delivers it
  }

  /**
   * What the operation left for the loop's queue ({@link #execute}): the failure {@link #failSoon}
   * left, else the reply that settled while its command was being sent. The one task object of
   * both: two method-reference fields were two more objects per call. An operation leaves one of
   * the two at most: a failure before or instead of the send leaves no command to settle.
   */
  @Override
  public void run() {
    if (pendingFailure != null) {
      failPending();
    } else {
      resume();
    }
  }

  private void failPending() {
    RuntimeException failure = pendingFailure;
    pendingFailure = null;
    fail(failure);
  }

  /** Runs {@code task} on the call's loop, or here when the loop is gone. */
  void execute(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // the loop is gone (engine shut down): the call learns it from here
    }
  }

  private void done(Object value) {
    Then<?> answer = finishOperation(true);
    try {
      deliver(answer, value);
    } catch (RuntimeException | Error e) {
      owner.continuationFailed(e);
    }
  }

  private void fail(RuntimeException failure) {
    Then<?> answer = finishOperation(false);
    try {
      answer.failed(failure);
    } catch (RuntimeException | Error e) {
      owner.continuationFailed(e);
    }
  }

  /** Clears the operation (so the next may start from its continuation); returns its Then. */
  private Then<?> finishOperation(boolean normally) {
    if (secureCollect) {
      secureCollect = false;
      mute.afterSecure(normally);
    }
    Then<?> answer = then;
    then = null;
    step = null;
    command = null;
    grace = null;
    prompt = null;
    field = null;
    options = null;
    return answer;
  }

  @SuppressWarnings("unchecked")
  private static void deliver(Then<?> then, Object value) {
    ((Then<Object>) then).done(value);
  }

  private static Void run(Runnable action) {
    action.run();
    return null;
  }

  /** The grace after a {@code result=-1} passed without the call ending. */
  void graceOver(HangupGrace over) {
    if (grace != over) {
      return;
    }
    grace = null; // what follows may send a command: this grace no longer speaks for the call
    afterGrace(graceStep);
  }

  /** The call ended during the grace after a {@code result=-1}. */
  void endedInGrace(HangupGrace over) {
    if (grace != over) {
      return;
    }
    grace = null;
    fail(new CallEndedException(session.currentReason()));
  }

  /** The blocking work of the operation is over: its answer, back on the loop. */
  void blockingDone(Object result, RuntimeException failure) {
    if (failure != null) {
      fail(failure);
    } else {
      done(result);
    }
  }
}

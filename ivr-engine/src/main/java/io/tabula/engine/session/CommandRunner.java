package io.tabula.engine.session;

import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplySlot;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.Prompt;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one command of a call and waits for its reply on the call's own thread, with the command's
 * time limit (enforced by the engine's reply-timeout sweep, see {@link ReplySlot}). Turns the ways
 * a command can go wrong into the port's typed exceptions.
 */
final class CommandRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

  private final CallSession session;

  CommandRunner(CallSession session) {
    this.session = session;
  }

  /** The reply, whatever its kind. */
  AgiReply send(PendingCommand command, Duration limit) {
    long started = dispatch(command, limit);
    try {
      command.reply().awaitDone();
    } catch (InterruptedException e) {
      session.replyAwaited();
      Thread.currentThread().interrupt();
      session.finish(CallOutcome.ENGINE_SHUTDOWN);
      throw new CallEndedException(CallEndedException.Reason.ENGINE_SHUTDOWN);
    }
    return answer(command, limit, started);
  }

  /**
   * Sends {@code command}, due within {@code limit}, unless a drain asked for the error path;
   * returns when it was sent ({@link System#nanoTime()}), for {@link #answer}. Both ports send
   * through here: the blocking one then waits on the reply slot, the stepped one listens to it.
   */
  long dispatch(PendingCommand command, Duration limit) {
    return dispatch(command, limit.toNanos());
  }

  /** {@link #dispatch(PendingCommand, Duration)} with the limit in nanoseconds (no Duration). */
  long dispatch(PendingCommand command, long limitNanos) {
    return dispatch(command, limitNanos, System.nanoTime());
  }

  /**
   * {@link #dispatch(PendingCommand, long)} at {@code now}, a {@link System#nanoTime()} the caller
   * read just before: the stepped port sends the next command in the same turn of the event loop as
   * it took the last reply, and one clock read serves both.
   */
  long dispatch(PendingCommand command, long limitNanos, long now) {
    if (session.takeErrorPathRequest()) {
      throw new CallPortException(
          CallPortException.Kind.ENGINE_DRAINED,
          "the engine is shutting down and the call outlasted drain.timeout; "
              + command.command().verb()
              + " was not sent and the flow's error path ends the call");
    }
    command.reply().deadline(now + limitNanos);
    session.send(command);
    return now;
  }

  /**
   * The reply of a command whose slot settled, timed; a deadline that passed or a failed command
   * ends the call and becomes the port's typed exception.
   */
  AgiReply answer(PendingCommand command, Duration limit, long started) {
    return answer(command, limit.toNanos(), started);
  }

  /** {@link #answer(PendingCommand, Duration, long)} with the limit in nanoseconds. */
  AgiReply answer(PendingCommand command, long limitNanos, long started) {
    return answer(command, limitNanos, started, System.nanoTime());
  }

  /** {@link #answer(PendingCommand, long, long)} with the reply taken at {@code now}. */
  AgiReply answer(PendingCommand command, long limitNanos, long started, long now) {
    try {
      AgiReply reply = command.reply().reply();
      session.metrics().commandRoundTrip(command.command().verb(), now - started);
      return reply;
    } catch (ReplySlot.ReplyOverdueException e) {
      // The conversation is out of step now: a late reply would answer the next command.
      session.finish(CallOutcome.ERROR);
      throw new CallPortException(
          CallPortException.Kind.REPLY_TIMEOUT,
          command.command().verb()
              + " got no reply within "
              + TimeUnit.NANOSECONDS.toMillis(limitNanos)
              + " ms; the call was ended");
    } catch (ReplySlot.ReplyFailedException e) {
      if (e.getCause() instanceof CallEndedException ended) {
        throw new CallEndedException(ended.reason());
      }
      session.finish(CallOutcome.ERROR);
      throw new CallPortException(
          CallPortException.Kind.PROTOCOL_ERROR,
          command.command().verb() + " failed (" + e.getCause().getClass().getSimpleName() + ")");
    } finally {
      session.replyAwaited();
    }
  }

  /** A {@code 200} reply; 510 and 520 become {@link CallPortException}s. */
  AgiReply.Success success(PendingCommand command, Duration limit) {
    return asSuccess(command, send(command, limit));
  }

  /** A secure reply; 510 and 520 become {@link CallPortException}s. */
  AgiReply.SecureInput secure(PendingCommand command, Duration limit) {
    return asSecure(command, send(command, limit));
  }

  /** {@code reply} as the {@code 200} reply it must be; 510 and 520 become exceptions. */
  AgiReply.Success asSuccess(PendingCommand command, AgiReply reply) {
    return switch (reply) {
      case AgiReply.Success success -> success;
      case AgiReply.SecureInput secure -> throw protocolError(command, "a secure reply");
      case AgiReply.InvalidCommand invalid -> throw protocolError(command, "510 (unknown command)");
      case AgiReply.UsageError usage -> throw protocolError(command, "520 (bad syntax)");
      case AgiReply.DeadChannel dead -> throw new CallEndedException(session.currentReason());
    };
  }

  /** {@code reply} as the secure reply it must be; 510 and 520 become exceptions. */
  AgiReply.SecureInput asSecure(PendingCommand command, AgiReply reply) {
    return switch (reply) {
      case AgiReply.SecureInput secure -> secure;
      case AgiReply.Success success -> throw protocolError(command, "a plain reply");
      case AgiReply.InvalidCommand invalid -> throw protocolError(command, "510 (unknown command)");
      case AgiReply.UsageError usage -> throw protocolError(command, "520 (bad syntax)");
      case AgiReply.DeadChannel dead -> throw new CallEndedException(session.currentReason());
    };
  }

  /** The time limit of a media command whose own input may take {@code inputTime}. */
  Duration mediaLimit(Duration inputTime) {
    return session.settings().mediaTimeout().plus(inputTime);
  }

  /** {@link #mediaLimit} in nanoseconds, without a Duration per command. */
  long mediaLimitNanos(long inputNanos) {
    return session.settings().mediaTimeout().toNanos() + inputNanos;
  }

  /**
   * After {@code result=-1}: a hangup if a HANGUP line follows within the grace time, else a media
   * failure the flow may survive (a missing sound file gives -1 too).
   */
  void failedMedia(String verb) {
    awaitHangupAfterFailure();
    mediaFailed(verb);
  }

  /** Logs a {@code result=-1} that no HANGUP line followed within the grace time. */
  void mediaFailed(String verb) {
    LOG.warn(
        "call {}: {} returned -1 but the channel is up (missing sound file?)",
        session.info().uniqueId(),
        verb);
  }

  /**
   * After {@code result=-1} to a command that plays {@code prompt}: a hangup if a HANGUP line
   * follows within the grace time, else Asterisk has no sound file for the prompt (it then answers
   * {@code result=-1} at once and the channel stays up). Logged with the prompt's name and counted;
   * the caller hears nothing, the call goes on.
   */
  void promptMissing(String verb, Prompt prompt) {
    awaitHangupAfterFailure();
    promptWasMissing(verb, prompt);
  }

  /** Logs and counts a prompt whose {@code result=-1} no HANGUP line followed in time. */
  void promptWasMissing(String verb, Prompt prompt) {
    session.metrics().promptMissing(prompt.id());
    LOG.warn(
        "call {}: prompt '{}' was not played: {} answered result=-1 with the channel up, so"
            + " Asterisk has no sound file '{}' in the call's language; add it to Asterisk's"
            + " sounds folder: tabula prompts render, then tabula prompts check (serve checks them"
            + " at start-up, see prompts.soundsDirs)",
        session.info().uniqueId(),
        prompt.id(),
        verb,
        prompt.sound());
  }

  /** Returns when no HANGUP line followed a {@code result=-1} within the grace time. */
  private void awaitHangupAfterFailure() {
    try {
      CallOutcome outcome =
          session.ended().get(session.settings().hangupGrace().toNanos(), TimeUnit.NANOSECONDS);
      throw new CallEndedException(outcome.reason());
    } catch (TimeoutException e) {
      // No HANGUP: the channel is up.
    } catch (ExecutionException e) {
      throw new CallEndedException(CallEndedException.Reason.CONNECTION_LOST);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallEndedException(CallEndedException.Reason.ENGINE_SHUTDOWN);
    }
  }

  private CallPortException protocolError(PendingCommand command, String what) {
    return new CallPortException(
        CallPortException.Kind.PROTOCOL_ERROR,
        command.command().verb() + " was answered with " + what + "; check the Asterisk version");
  }
}

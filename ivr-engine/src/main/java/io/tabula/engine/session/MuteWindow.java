package io.tabula.engine.session;

import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.ami.RecordingControlException;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.CallPortException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When one call's recording is muted: from before the first secure prompt starts until the first
 * other command that starts at least {@code unmuteGrace} after the last secure collect ended, so
 * that a late {@code #}, or a key too many after the last expected digit, is not recorded either.
 * Secure collects in a row (card, expiry, security code) and the prompts between them stay inside
 * one window.
 *
 * <p>Some ends never unmute, so the rest of the recording stays muted until the call leaves the
 * engine: a secure collect that failed, the flow's error path ({@link #keepMuted}), a transfer and
 * a hangup. In each of them a caller who was keying a card number may go on keying it while the
 * apology plays and in the agent queue.
 *
 * <p>A call's {@link CallChannel} is its window (a subclass, not one more object per call).
 *
 * <p>Used by one thread at a time (the call's own thread, or its event loop and the thread of its
 * blocking work by turns), so it needs no locking.
 *
 * <pre>{@code
 * window.beforeSecure();            // mutes (or throws RECORDING_NOT_MUTED)
 * window.afterSecure(true);         // the window stays open for the grace time
 * window.beforeOpenCommand();       // unmutes once the grace has passed
 * }</pre>
 */
sealed class MuteWindow permits CallChannel {

  private static final Logger LOG = LoggerFactory.getLogger(MuteWindow.class);

  private final RecordingControl recording;

  /** The call's channel and id, read when needed (a CallInfo makes them on demand). */
  private final CallInfo call;

  private final long graceNanos;

  /**
   * The control never waits for Asterisk (no AMI link, {@code recording: none}): nothing to hand
   * over.
   */
  private final boolean actsAtOnce;

  private boolean muted;
  private boolean held;
  private long secureEndedAt;

  MuteWindow(RecordingControl recording, String channel, String callId, Duration grace) {
    this(
        recording,
        new CallInfo(new CallId(0, 0), callId, "", "", channel, "", "", List.of()),
        grace);
  }

  /** The window of {@code call}'s channel. */
  MuteWindow(RecordingControl recording, CallInfo call, Duration grace) {
    this.recording = recording;
    this.call = call;
    this.graceNanos = grace.toNanos();
    this.actsAtOnce = !recording.waitsForAsterisk();
  }

  /**
   * Whether the window's step before the next command may wait for Asterisk's AMI answer (mute
   * before secure input, unmute before an open command), so that a caller on an event loop must
   * hand that command to a thread that may block.
   */
  boolean mayWaitBefore(boolean secure) {
    if (actsAtOnce) {
      return false;
    }
    return secure ? !muted : unmutesNow();
  }

  /** Before a secure collect: mutes unless the window is open already. */
  void beforeSecure() {
    if (muted) {
      return;
    }
    try {
      recording.mute(call.channel());
    } catch (RuntimeException e) {
      throw new CallPortException(
          CallPortException.Kind.RECORDING_NOT_MUTED,
          "the call's recording could not be muted, so secure input did not start; check the AMI"
              + " link: "
              + reason(e),
          e);
    }
    muted = true;
  }

  /** After a secure collect; one that did not end normally keeps the recording muted for good. */
  void afterSecure(boolean normally) {
    secureEndedAt = System.nanoTime();
    if (!normally) {
      held = true;
    }
  }

  /** The flow's error path runs: a muted recording stays muted until the call leaves. */
  void keepMuted() {
    held = true;
  }

  /** Before a command that is not secure input: unmutes once the grace has passed. */
  void beforeOpenCommand() {
    if (!unmutesNow()) {
      return;
    }
    muted = false;
    try {
      recording.unmute(call.channel());
    } catch (RuntimeException e) {
      LOG.warn(
          "call {}: unmuting the recording failed ({})",
          call.uniqueId(),
          e.getClass().getSimpleName());
    }
  }

  boolean muted() {
    return muted;
  }

  private boolean unmutesNow() {
    return muted && !held && System.nanoTime() - secureEndedAt >= graceNanos;
  }

  /** Our own controls' messages say what to fix and carry no call data; others give a type. */
  private static String reason(RuntimeException e) {
    return e instanceof RecordingControlException ? e.getMessage() : e.getClass().getSimpleName();
  }
}

package io.tabula.engine.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording control of an engine with no AMI link whose calls may be recorded: no recording can
 * be muted, so no secure step starts (fail closed). Each refused mute says why and what to set; the
 * flow then runs its error path (typically an apology and a transfer to an agent). An engine whose
 * calls are never recorded says so with {@code recording: none} and gets a control that does
 * nothing instead.
 *
 * <p>Example: {@code new NoLinkRecordingControl().warnOnce().mute(channel)} throws {@link
 * RecordingControlException}.
 */
public final class NoLinkRecordingControl implements RecordingControl {

  private static final Logger LOG = LoggerFactory.getLogger(NoLinkRecordingControl.class);

  /** Logs the one start-up warning. */
  public NoLinkRecordingControl warnOnce() {
    LOG.warn(
        "No AMI link is configured (ami.host is empty): call recordings cannot be muted, so no"
            + " secure step (card number, expiry, security code, PIN) will start; such calls take"
            + " their flow's error path. Set ami.host, or recording: none if MixMonitor never"
            + " records the engine's calls (docs/engine.md).");
    return this;
  }

  @Override
  public void mute(String channel) {
    throw new RecordingControlException(
        "No AMI link is configured (ami.host is empty), so the call's recording cannot be muted"
            + " and the secure step does not start. Set ami.host to the Asterisks that send calls"
            + " here, or recording: none if their calls are never recorded.");
  }

  @Override
  public void unmute(String channel) {
    // Nothing was muted.
  }
}

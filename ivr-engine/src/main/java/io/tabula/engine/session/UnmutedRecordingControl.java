package io.tabula.engine.session;

import io.tabula.engine.ami.RecordingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording control of an engine without an AMI link: it does nothing, so call recordings
 * (MixMonitor) are NOT muted during secure input. {@link #warnOnce()} logs this once at startup;
 * configure the AMI link for production.
 */
public final class UnmutedRecordingControl implements RecordingControl {

  private static final Logger LOG = LoggerFactory.getLogger(UnmutedRecordingControl.class);

  /** Logs the one startup warning. */
  public UnmutedRecordingControl warnOnce() {
    LOG.warn(
        "No AMI link is configured: call recordings cannot be muted during card entry. Keep"
            + " MixMonitor off the engine's calls, or configure the AMI link (docs/engine.md).");
    return this;
  }

  @Override
  public void mute(String channel) {
    // Nothing to mute without AMI; the startup warning said so.
  }

  @Override
  public void unmute(String channel) {
    // Nothing was muted.
  }

  @Override
  public boolean waitsForAsterisk() {
    return false;
  }
}

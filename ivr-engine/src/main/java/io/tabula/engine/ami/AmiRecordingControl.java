package io.tabula.engine.ami;

import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecordingControl} over an {@link AmiLink}: AMI {@code MixMonitorMute} with {@code
 * Direction: both} on the call's {@code agi_channel}, {@code State: 1} to mute and {@code 0} to
 * unmute.
 *
 * <p>A mute counts only when Asterisk answers {@code Response: Success} within the link's {@code
 * muteTimeout}; anything else (link down, {@code Error}, silence) throws {@link
 * RecordingControlException} so the secure step does not start. An unmute failure is logged and
 * counted ({@code tabula.ami.action{action=MixMonitorMute,outcome!=ok}}), not thrown: the secret
 * part of the call is over and a recording left muted loses audio, not card data.
 *
 * <p>Example:
 *
 * <pre>{@code
 * RecordingControl recording = new AmiRecordingControl(link);
 * recording.mute(call.channel());
 * try { collectCardNumber(); } finally { recording.unmute(call.channel()); }
 * }</pre>
 */
public final class AmiRecordingControl implements RecordingControl {

  static final String BOTH = "both";
  private static final Logger log = LoggerFactory.getLogger(AmiRecordingControl.class);

  private final AmiLink link;

  public AmiRecordingControl(AmiLink link) {
    this.link = link;
  }

  @Override
  public void mute(String channel) {
    try {
      link.send(action(channel, 1), link.options().muteTimeout());
    } catch (AmiActionException e) {
      throw new RecordingControlException(
          "The recording was not muted ("
              + e.reason().name().toLowerCase(java.util.Locale.ROOT)
              + " on AMI link '"
              + link.name()
              + "'), so the secure step does not start. Check the link's health and that"
              + " MixMonitor runs on the channel.",
          e);
    }
  }

  @Override
  public void unmute(String channel) {
    try {
      link.send(action(channel, 0), link.options().muteTimeout());
    } catch (AmiActionException e) {
      log.warn(
          "Recording on channel {} stays muted: unmute failed ({} on AMI link '{}')",
          channel,
          e.reason().name().toLowerCase(java.util.Locale.ROOT),
          link.name());
    }
  }

  private static MixMonitorMuteAction action(String channel, int state) {
    return new MixMonitorMuteAction(channel, BOTH, state);
  }
}

package io.tabula.engine.ami;

/**
 * Mutes and unmutes a call's recording around secure input. The engine's implementation sends AMI
 * {@code MixMonitorMute} (both directions) for the channel named in {@code agi_channel}.
 *
 * <p>A call session mutes before a secure collect starts and unmutes afterwards in a {@code
 * finally}; when {@link #mute} throws, the secure collect does not start and the flow's error path
 * runs.
 */
public interface RecordingControl {

  /**
   * The control for a call that arrived from {@code peer} (the FastAGI connection's remote
   * address). An engine linked to several Asterisks mutes on the one that opened the call; a
   * single-Asterisk control is the same for every call.
   */
  default RecordingControl forPeer(java.net.SocketAddress peer) {
    return this;
  }

  /**
   * Mutes both directions of the recording on {@code channel}.
   *
   * @throws RecordingControlException when Asterisk did not confirm the mute in time
   */
  void mute(String channel);

  /**
   * Unmutes the recording on {@code channel}. Failures are reported, not thrown: the secure part is
   * over, and a recording left muted loses audio, not card data.
   */
  void unmute(String channel);

  /**
   * Whether {@link #mute} and {@link #unmute} may wait for Asterisk's answer. A call run on its
   * event loop hands the commands they come before to a thread that may block when this is true,
   * and keeps them on the loop otherwise.
   */
  default boolean waitsForAsterisk() {
    return true;
  }
}

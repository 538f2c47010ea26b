package io.tabula.engine.pbx.ami;

import java.util.Objects;

/**
 * How the virtual AMI server behaves. Defaults: {@link #defaults(String, String)}.
 *
 * <p>Example: {@code VirtualAmiOptions.defaults("tabula", "s3cret").withMuteAnswer(Answer.SILENT)}.
 *
 * @param username the one manager user accepted
 * @param secret its secret (plain {@code Secret:} or MD5 {@code Key:} after {@code Challenge})
 * @param muteAnswer how MixMonitorMute is answered
 * @param honourEventMask whether {@code Events:} at login limits the events sent, as Asterisk does;
 *     false imitates a manager.conf that lets every class through (to test client-side filtering)
 */
public record VirtualAmiOptions(
    String username, String secret, Answer muteAnswer, boolean honourEventMask) {

  /** How an action is answered. */
  public enum Answer {
    /**
     * {@code Response: Success} (plus the MixMonitorMute event), as Asterisk with MixMonitor on.
     */
    SUCCESS,
    /** {@code Response: Error}, as Asterisk when the channel has no MixMonitor. */
    ERROR,
    /** No response at all: a stalled Asterisk, to test timeouts. */
    SILENT
  }

  public VirtualAmiOptions {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(muteAnswer, "muteAnswer");
  }

  /** Mutes succeed; the event mask is honoured. */
  public static VirtualAmiOptions defaults(String username, String secret) {
    return new VirtualAmiOptions(username, secret, Answer.SUCCESS, true);
  }

  public VirtualAmiOptions withMuteAnswer(Answer answer) {
    return new VirtualAmiOptions(username, secret, answer, honourEventMask);
  }

  public VirtualAmiOptions withHonourEventMask(boolean honour) {
    return new VirtualAmiOptions(username, secret, muteAnswer, honour);
  }
}

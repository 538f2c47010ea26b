package io.tabula.engine.pbx.ami;

/**
 * The events the virtual AMI server emits, shaped like those in {@code fixtures/ami/}.
 *
 * <p>Example: {@code AmiEvents.dtmfEnd(channel, '4', 100)}.
 */
public final class AmiEvents {

  private AmiEvents() {}

  /** Sent right after a successful login ({@code Privilege: system,all}). */
  static AmiMessage fullyBooted(long uptimeSeconds) {
    String uptime = Long.toString(uptimeSeconds);
    return AmiMessage.of("Event", "FullyBooted")
        .with("Privilege", "system,all")
        .with("Uptime", uptime)
        .with("LastReload", uptime)
        .with("Status", "Fully Booted");
  }

  /** Follows a successful MixMonitorMute response directly (observation 11). */
  static AmiMessage mixMonitorMute(VirtualChannel channel, String direction, String state) {
    return AmiMessage.of("Event", "MixMonitorMute")
        .with("Privilege", "call,all")
        .withAll(channel.fields())
        .with("Direction", direction)
        .with("State", state);
  }

  /** Start of a received DTMF digit ({@code Privilege: dtmf,all}). */
  public static AmiMessage dtmfBegin(VirtualChannel channel, char digit) {
    return AmiMessage.of("Event", "DTMFBegin")
        .with("Privilege", "dtmf,all")
        .withAll(channel.fields())
        .with("Digit", String.valueOf(digit))
        .with("Direction", "Received");
  }

  /** End of a received DTMF digit, with its duration (100 ms for SendDTMF, 280 for SIPp). */
  public static AmiMessage dtmfEnd(VirtualChannel channel, char digit, int durationMs) {
    return AmiMessage.of("Event", "DTMFEnd")
        .with("Privilege", "dtmf,all")
        .withAll(channel.fields())
        .with("Digit", String.valueOf(digit))
        .with("DurationMs", Integer.toString(durationMs))
        .with("Direction", "Received");
  }

  /** A channel hung up ({@code Privilege: call,all}). */
  public static AmiMessage hangup(VirtualChannel channel, int cause, String causeText) {
    return AmiMessage.of("Event", "Hangup")
        .with("Privilege", "call,all")
        .withAll(channel.fields())
        .with("Cause", Integer.toString(cause))
        .with("Cause-txt", causeText);
  }
}

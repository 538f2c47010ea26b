package io.tabula.engine.pbx.ami;

/**
 * A channel as the virtual AMI server describes it in events: the standard channel fields of
 * Asterisk 22 (see {@code fixtures/ami/card-entry.txt}), for an answered AGI leg.
 *
 * <p>Example: {@code VirtualChannel.agiLeg("Local/card-entry@ivr-00000011;2", "1795421796.35")}.
 */
public record VirtualChannel(
    String name, String uniqueId, String linkedId, String context, String exten, int priority) {

  /** An answered channel in context {@code ivr} running the AGI at priority 2. */
  public static VirtualChannel agiLeg(String name, String uniqueId) {
    return new VirtualChannel(name, uniqueId, uniqueId, "ivr", "s", 2);
  }

  /** The channel fields in Asterisk's order, as they follow {@code Privilege} in an event. */
  AmiMessage fields() {
    return AmiMessage.of("Channel", name)
        .with("ChannelState", "6")
        .with("ChannelStateDesc", "Up")
        .with("CallerIDNum", "<unknown>")
        .with("CallerIDName", "<unknown>")
        .with("ConnectedLineNum", "<unknown>")
        .with("ConnectedLineName", "<unknown>")
        .with("Language", "en")
        .with("AccountCode", "")
        .with("Context", context)
        .with("Exten", exten)
        .with("Priority", Integer.toString(priority))
        .with("Uniqueid", uniqueId)
        .with("Linkedid", linkedId);
  }
}

package io.tabula.engine.asterisk;

import java.util.Map;

/**
 * The test caller's channel of one call, and the AMI session of the Asterisk it runs on: the
 * caller's own Asterisk for a SIP call, the Asterisk under test for a Local channel.
 *
 * @param ami the session that can redirect and hang up the channel
 * @param channel the channel's name, e.g. {@code PJSIP/pbx-00000000}
 */
record CallerChannel(Ami ami, String channel) {

  /** Sends the caller to the extension of caller-extensions.conf that keys one entry. */
  void key(String extension) throws Exception {
    Map<String, String> reply =
        ami.action(
            "Redirect",
            Map.of(
                "Channel",
                channel,
                "Context",
                "realtest-caller",
                "Exten",
                extension,
                "Priority",
                "1"));
    if (!"Success".equals(reply.get("Response"))) {
      throw new IllegalStateException("the caller could not key '" + extension + "': " + reply);
    }
  }

  /**
   * From now on the caller listens in silence (TONE=off, read by caller-extensions.conf each time
   * it comes back to listen): what the recording holds after the next keys is the prompts alone.
   */
  void listenQuietly() throws Exception {
    Map<String, String> reply =
        ami.action("Setvar", Map.of("Channel", channel, "Variable", "TONE", "Value", "off"));
    if (!"Success".equals(reply.get("Response"))) {
      throw new IllegalStateException("the caller's tone could not be turned off: " + reply);
    }
  }

  void hangUp() throws Exception {
    ami.action("Hangup", Map.of("Channel", channel));
  }
}

package io.tabula.ops.asterisk.manager;

import java.util.ArrayList;
import java.util.List;

/**
 * DTMFBegin and DTMFEnd events as Asterisk 22 writes them (the layout of the recorded
 * fixtures/ami/card-entry.txt), for every key, both directions, several channel technologies and
 * with or without {@code timestampevents}. A user's filters are run against all of them: a filter
 * that lets any through lets card digits through, whatever channel the caller is on.
 */
public final class DtmfEvents {

  /** An event name and its text, CRLF line ends, as the filters see it. */
  public record Event(String name, String text) {}

  public static final List<String> NAMES = List.of("DTMFBegin", "DTMFEnd");

  private static final List<String> CHANNELS =
      List.of(
          "PJSIP/carrier-00000001",
          "Local/card-entry@ivr-00000011;2",
          "SIP/trunk-00000002",
          "IAX2/peer-3",
          "DAHDI/1-1",
          "WebSocket/agent-00000004");

  private DtmfEvents() {}

  public static List<Event> all() {
    List<Event> events = new ArrayList<>();
    for (String name : NAMES) {
      for (String channel : CHANNELS) {
        for (char digit : "0123456789*#ABCD".toCharArray()) {
          for (String direction : List.of("Received", "Sent")) {
            events.add(new Event(name, text(name, channel, digit, direction, false)));
            events.add(new Event(name, text(name, channel, digit, direction, true)));
          }
        }
      }
    }
    return events;
  }

  private static String text(
      String name, String channel, char digit, String direction, boolean timestamp) {
    StringBuilder text = new StringBuilder(512);
    line(text, "Event", name);
    line(text, "Privilege", "dtmf,all");
    if (timestamp) {
      line(text, "Timestamp", "1795421796.123456");
    }
    line(text, "Channel", channel);
    line(text, "ChannelState", "6");
    line(text, "ChannelStateDesc", "Up");
    line(text, "CallerIDNum", "15551234567");
    line(text, "CallerIDName", "<unknown>");
    line(text, "ConnectedLineNum", "<unknown>");
    line(text, "ConnectedLineName", "<unknown>");
    line(text, "Language", "en");
    line(text, "AccountCode", "");
    line(text, "Context", "tabula-call");
    line(text, "Exten", "s");
    line(text, "Priority", "4");
    line(text, "Uniqueid", "1795421796.35");
    line(text, "Linkedid", "1795421796.34");
    line(text, "Digit", String.valueOf(digit));
    if (name.equals("DTMFEnd")) {
      line(text, "DurationMs", "100");
    }
    line(text, "Direction", direction);
    return text.toString();
  }

  private static void line(StringBuilder text, String header, String value) {
    text.append(header).append(": ").append(value).append("\r\n");
  }
}

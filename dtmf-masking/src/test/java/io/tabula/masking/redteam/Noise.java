package io.tabula.masking.redteam;

import java.util.Random;

/** The surroundings every sample is written in: timestamps, channels, call ids, plain lines. */
final class Noise {

  private final Random random;
  private long millis = 1_796_512_709_000L;
  private int channel = 0x1a;
  private int thread = 4242;

  Noise(Random random) {
    this.random = random;
  }

  String asteriskTime() {
    millis += 1 + random.nextInt(400);
    long ms = millis % 1000;
    long s = millis / 1000 % 60;
    long m = millis / 60_000 % 60;
    long h = millis / 3_600_000 % 24;
    return String.format("[2026-12-05 %02d:%02d:%02d.%03d]", h, m, s, ms);
  }

  String engineTime() {
    millis += 1 + random.nextInt(400);
    return String.format(
        "2026-12-05 %02d:%02d:%02d.%03d",
        millis / 3_600_000 % 24, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
  }

  String newChannel() {
    channel += 1 + random.nextInt(3);
    String[] techs = {"PJSIP/carrier-", "PJSIP/trunk-eu-", "SIP/twilio-", "Local/card@ivr-"};
    String tech = techs[random.nextInt(techs.length)];
    return tech + String.format("%08x", channel) + (tech.startsWith("Local") ? ";2" : "");
  }

  String callId() {
    return String.format("C-%08x", channel);
  }

  String thread() {
    thread += random.nextInt(3);
    return Integer.toString(thread);
  }

  String uniqueId() {
    return (millis / 1000) + "." + random.nextInt(400);
  }

  String sipCallId() {
    return Long.toHexString(random.nextLong())
        + "-"
        + Integer.toHexString(random.nextInt())
        + "@10.20."
        + random.nextInt(255)
        + "."
        + random.nextInt(255);
  }

  String ip() {
    return "10."
        + random.nextInt(255)
        + "."
        + random.nextInt(255)
        + "."
        + (1 + random.nextInt(254));
  }

  /** An ordinary Asterisk line of some call. */
  String asteriskChatter(String channel) {
    String head = asteriskTime() + " ";
    String ids = "[" + thread() + "][" + callId() + "]";
    return head
        + switch (random.nextInt(6)) {
          case 0 ->
              "VERBOSE"
                  + ids
                  + " pbx.c: Executing [s@ivr-main:"
                  + (1 + random.nextInt(9))
                  + "] Playback(\""
                  + channel
                  + "\", \"custom/welcome\") in new stack";
          case 1 ->
              "VERBOSE"
                  + ids
                  + " file.c: <"
                  + channel
                  + "> Playing 'custom/enter-card.gsm'"
                  + " (language 'en')";
          case 2 ->
              "DEBUG"
                  + ids
                  + " channel.c: Channel 0x7ff91c00"
                  + Integer.toHexString(random.nextInt(0xffff))
                  + " '"
                  + channel
                  + "' allocated";
          case 3 -> "VERBOSE" + ids + " res_agi.c: <" + channel + ">AGI Tx >> 200 result=0";
          case 4 ->
              "DEBUG"
                  + ids
                  + " taskprocessor.c: Taskprocessor 'stasis/m:cdr:aggregator-0000000b':"
                  + " Task pushed from stasis.c:1454 (dispatch_message)";
          default ->
              "DEBUG"
                  + ids
                  + " rtp_engine.c: Channel '"
                  + channel
                  + "' RTP stats: rxjitter="
                  + random.nextInt(40)
                  + ".000 txcount="
                  + random.nextInt(9000);
        };
  }

  /** An ordinary line of the engine's own log. */
  String engineChatter() {
    String[] lines = {
      "INFO  [city-parking %s] i.t.engine.CallSession - step collect-card started",
      "INFO  [city-parking %s] i.t.engine.CallSession - secure input on, recording muted",
      "DEBUG [utility %s] i.t.flows.Runner - prompt custom/enter-card (2.4 s)",
      "INFO  [city-parking %s] i.t.pay.StripeConnector - charge approved in 412 ms",
      "WARN  [city-parking %s] i.t.engine.CallSession - caller timed out in step menu",
    };
    return engineTime() + " " + String.format(lines[random.nextInt(lines.length)], uniqueId());
  }
}

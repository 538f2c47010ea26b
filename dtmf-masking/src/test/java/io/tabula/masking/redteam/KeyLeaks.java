package io.tabula.masking.redteam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Leak samples of a card keyed one key per line, as an IVR's logs write it: Asterisk's DTMF lines
 * (full log and older console format), AGI debug and FastAGI traces, SIP INFO (PJSIP logger blocks
 * and flattened one-line captures), RFC 4733 (Asterisk's RTP debug, tshark -V). Other calls' lines
 * are interleaved, as on a busy system.
 */
final class KeyLeaks {

  private static final String[] NAMES = {
    "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Star", "Pound"
  };

  private final Random random;
  private final Cards cards;
  private final Noise noise;

  KeyLeaks(Random random, Cards cards, Noise noise) {
    this.random = random;
    this.cards = cards;
    this.noise = noise;
  }

  /** What the caller keys: maybe a menu choice, the card and #, maybe expiry and code. */
  private String entry() {
    StringBuilder keys = new StringBuilder();
    if (random.nextBoolean()) {
      keys.append((char) ('1' + random.nextInt(3)));
    }
    keys.append(cards.common());
    if (random.nextInt(3) > 0) {
      keys.append('#');
    }
    if (random.nextBoolean()) {
      keys.append(cards.expiry()).append('#').append(cards.cvc(3));
    }
    return keys.toString();
  }

  private void chatter(List<String> out, String channel) {
    for (int i = random.nextInt(3); i > 0; i--) {
      out.add(random.nextBoolean() ? noise.asteriskChatter(channel) : noise.engineChatter());
    }
  }

  List<String> asteriskFullLog() {
    String channel = noise.newChannel();
    String other = noise.newChannel();
    List<String> out = new ArrayList<>();
    for (char key : entry().toCharArray()) {
      String ids = "DTMF[" + noise.thread() + "][" + noise.callId() + "] channel.c: ";
      out.add(noise.asteriskTime() + " " + ids + "DTMF begin '" + key + "' received on " + channel);
      if (random.nextBoolean()) {
        out.add(
            noise.asteriskTime() + " " + ids + "DTMF begin ignored '" + key + "' on " + channel);
      }
      chatter(out, other);
      out.add(
          noise.asteriskTime()
              + " "
              + ids
              + "DTMF end '"
              + key
              + "' received on "
              + channel
              + ", duration "
              + (80 + random.nextInt(200))
              + " ms");
      out.add(
          noise.asteriskTime() + " " + ids + "DTMF end passthrough '" + key + "' on " + channel);
    }
    return out;
  }

  List<String> asteriskConsoleEndOnly() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    for (char key : entry().toCharArray()) {
      out.add(
          "[Dec  5 10:"
              + (10 + random.nextInt(49))
              + ":"
              + (10 + random.nextInt(49))
              + "] DTMF["
              + noise.thread()
              + "]: channel.c:3920 __ast_read: DTMF end '"
              + key
              + "' received on "
              + channel
              + ", duration 100 ms");
      chatter(out, noise.newChannel());
    }
    return out;
  }

  List<String> agiDebugWaitForDigit() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    String prefix =
        " VERBOSE[" + noise.thread() + "][" + noise.callId() + "] res_agi.c: <" + channel;
    for (char key : entry().toCharArray()) {
      out.add(noise.asteriskTime() + prefix + ">AGI Rx << WAIT FOR DIGIT 5000");
      chatter(out, noise.newChannel());
      out.add(noise.asteriskTime() + prefix + ">AGI Tx >> 200 result=" + (int) key);
    }
    return out;
  }

  List<String> agiDebugGetDataOneKey() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    String prefix =
        " VERBOSE[" + noise.thread() + "][" + noise.callId() + "] res_agi.c: <" + channel;
    for (char key : entry().replace("#", "").toCharArray()) {
      out.add(noise.asteriskTime() + prefix + ">AGI Rx << GET DATA custom/beep 3000 1");
      out.add(noise.asteriskTime() + prefix + ">AGI Tx >> 200 result=" + key);
      chatter(out, noise.newChannel());
    }
    return out;
  }

  /** An engine's wire trace: the environment block, then commands and replies. */
  List<String> fastAgiTrace() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    String head = " DEBUG [city-parking " + noise.uniqueId() + "] i.t.agi.AgiWire - ";
    out.add(noise.engineTime() + head + "<< agi_network: yes");
    out.add(noise.engineTime() + head + "<< agi_channel: " + channel);
    out.add(noise.engineTime() + head + "<< agi_uniqueid: " + noise.uniqueId());
    for (char key : entry().toCharArray()) {
      if (random.nextBoolean()) {
        out.add(noise.engineTime() + head + ">> STREAM FILE custom/next-digit \"0123456789#*\"");
        out.add(noise.engineTime() + head + "<< 200 result=" + (int) key + " endpos=" + 800);
      } else {
        out.add(noise.engineTime() + head + ">> WAIT FOR DIGIT 4000");
        out.add(noise.engineTime() + head + "<< 200 result=" + (int) key);
      }
    }
    return out;
  }

  List<String> sipInfoPjsipLogger() {
    String callId = noise.sipCallId();
    String ip = noise.ip();
    List<String> out = new ArrayList<>();
    int cseq = 3 + random.nextInt(20);
    for (char key : entry().toCharArray()) {
      String body = "Signal=" + key + "\r\nDuration=" + (100 + random.nextInt(200)) + "\r\n";
      out.add(
          noise.asteriskTime()
              + " VERBOSE["
              + noise.thread()
              + "] res_pjsip_logger.c: <--- Received SIP request ("
              + (380 + body.length())
              + " bytes) from UDP:"
              + ip
              + ":5060 --->");
      out.add("INFO sip:ivr@10.0.0.5:5060 SIP/2.0");
      out.add("Via: SIP/2.0/UDP " + ip + ":5060;rport;branch=z9hG4bK" + noise.thread());
      out.add("From: <sip:+14155550123@" + ip + ">;tag=" + random.nextInt(99999));
      out.add("To: <sip:ivr@10.0.0.5>;tag=" + random.nextInt(99999));
      out.add("Call-ID: " + callId);
      out.add("CSeq: " + cseq++ + " INFO");
      out.add("Content-Type: application/dtmf-relay");
      out.add("Content-Length: " + body.length());
      out.add("");
      out.add("Signal=" + key);
      out.add(body.substring(body.indexOf("Duration")).trim());
      out.add("");
    }
    return out;
  }

  /** A capture flattened to one line per message (SIP trace shippers do this). */
  List<String> sipInfoOneLine() {
    String callId = noise.sipCallId();
    List<String> out = new ArrayList<>();
    for (char key : entry().toCharArray()) {
      out.add(
          noise.engineTime()
              + " sip-trace INFO sip:ivr@10.0.0.5 SIP/2.0 | Call-ID: "
              + callId
              + " | CSeq: 7 INFO | Content-Type: application/dtmf-relay | Signal="
              + key
              + " | Duration=160");
      if (random.nextBoolean()) {
        out.add(noise.engineChatter());
      }
    }
    return out;
  }

  List<String> rfc4733AsteriskRtpDebug() {
    String from = noise.ip() + ":" + (10000 + 2 * random.nextInt(5000));
    List<String> out = new ArrayList<>();
    long ts = random.nextInt(100_000);
    int seq = random.nextInt(60_000);
    for (char key : entry().toCharArray()) {
      ts += 1600 + random.nextInt(4000);
      int event = "0123456789*#".indexOf(key);
      int packets = 3 + random.nextInt(5);
      for (int p = 0; p < packets + 3; p++) {
        boolean end = p >= packets;
        out.add(
            String.format(
                "%s DEBUG[%s][%s] res_rtp_asterisk.c: Got  RTP RFC2833 from   %s (type 101, seq"
                    + " %06d, ts %06d, len 000004, mark %d, event %08x, end %d, duration %-5d) ",
                noise.asteriskTime(),
                noise.thread(),
                noise.callId(),
                from,
                seq++ % 65536,
                ts,
                p == 0 ? 1 : 0,
                event,
                end ? 1 : 0,
                Math.min(packets, p + 1) * 160));
      }
    }
    return out;
  }

  List<String> rfc4733TsharkVerbose() {
    String ssrc = String.format("0x%08x", random.nextInt() & 0x7fffffff);
    List<String> out = new ArrayList<>();
    long ts = random.nextInt(1_000_000);
    int frame = 1 + random.nextInt(5000);
    for (char key : entry().toCharArray()) {
      ts += 800 + random.nextInt(4000);
      int event = "0123456789*#".indexOf(key);
      for (int p = 0; p < 5; p++) {
        out.add("Frame " + frame++ + ": 58 bytes on wire (464 bits), 58 bytes captured (464 bits)");
        out.add("Real-Time Transport Protocol");
        out.add("    10.. .... = Version: RFC 1889 Version (2)");
        out.add("    Payload type: telephone-event (101)");
        out.add("    Sequence number: " + (frame * 3 % 65536));
        out.add("    Timestamp: " + ts);
        out.add("    Synchronization Source identifier: " + ssrc + " (" + Long.decode(ssrc) + ")");
        out.add("RFC 2833 RTP Event");
        out.add("    Event ID: " + tsharkName(event) + " (" + event + ")");
        out.add(
            "    "
                + (p >= 2 ? "1" : "0")
                + "... .... = End of Event: "
                + (p >= 2 ? "True" : "False"));
        out.add("    .0.. .... = Reserved: False");
        out.add("    ..00 1010 = Volume: 10");
        out.add("    Event Duration: " + 160 * Math.min(p + 1, 3));
      }
    }
    return out;
  }

  static String tsharkName(int event) {
    return "DTMF " + NAMES[event] + " " + "0123456789*#".charAt(event);
  }
}

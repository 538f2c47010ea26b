package io.tabula.masking.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedEntryAuditorTest {

  private final List<KeyedFinding> findings = new ArrayList<>();
  private final KeyedEntryAuditor keys = new KeyedEntryAuditor(findings::add);

  @Test
  void aCardKeyedOnARealAsteriskIsFoundFromItsDtmfLinesOnly() throws IOException {
    // Asterisk 22.10.1, logger.conf "full => ...,dtmf,debug", "agi set debug on": a Local channel
    // whose caller half sends 5, 7, then 4242424242424242# to an AGI running WAIT FOR DIGIT twice
    // and GET DATA (the GET DATA reply holds the card whole: the line scan's finding, not ours).
    List<String> lines = resource("asterisk-22.10.1-full-dtmf-agi-debug.txt");
    feed(lines);

    assertThat(findings).hasSize(1);
    KeyedFinding card = findings.getFirst();
    assertThat(card.kind()).isEqualTo("card number keyed key by key");
    assertThat(card.masked()).isEqualTo("[Visa ****4242]");
    assertThat(card.call()).isEqualTo("DTMF Local/card@ivr-00000001;2");
    assertThat(lines.get((int) card.firstLine() - 1)).contains("DTMF end '4' received on");
    assertThat(lines.get((int) card.lastLine() - 1)).contains("DTMF end '2' received on");
  }

  @Test
  void theExpiryAndCodeAfterACardInAFastAgiTraceAreFound() throws IOException {
    // The fixtures' recorded FastAGI session: GET DATA answered 4242424242424242, 1228, 123.
    List<String> lines = resource("fastagi-card-entry.txt");
    feed(lines);

    assertThat(findings)
        .extracting(KeyedFinding::kind, KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "card expiry and security code keyed after a card number",
                "[expiry **/** and code ***]",
                "AGI Local/card-entry@ivr-00000011;2"));
    assertThat(lines.get((int) findings.getFirst().firstLine() - 1)).contains("result=1228");
    assertThat(lines.get((int) findings.getFirst().lastLine() - 1)).contains("result=123");
  }

  @Test
  void waitForDigitRepliesAreKeysOnlyAfterTheCommand() {
    String card = "5555555555554444";
    List<String> agi = new ArrayList<>();
    List<String> http = new ArrayList<>();
    for (char key : card.toCharArray()) {
      agi.add("<PJSIP/trunk-0000002a>AGI Rx << WAIT FOR DIGIT 5000");
      agi.add("<PJSIP/trunk-0000002a>AGI Tx >> 200 result=" + (int) key);
      http.add("upstream replied 200 result=" + (int) key + " in 3 ms");
    }
    feed(http);
    assertThat(findings).isEmpty();

    feed(agi);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "[Mastercard ****4444]", "AGI PJSIP/trunk-0000002a"));
  }

  @Test
  void streamFileAndSingleKeyGetDataRepliesAreKeysToo() {
    List<String> lines = new ArrayList<>();
    lines.add("agi_channel: SIP/carrier-00000101");
    String card = "378282246310005";
    for (int i = 0; i < card.length(); i++) {
      if (i % 2 == 0) {
        lines.add(">> STREAM FILE digits/beep \"0123456789#\"");
        lines.add("<< 200 result=" + (int) card.charAt(i) + " endpos=800");
      } else {
        lines.add(">> GET DATA beep 3000 1");
        lines.add("<< 200 result=" + card.charAt(i));
      }
    }
    feed(lines);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "[American Express ****0005]", "AGI SIP/carrier-00000101"));
  }

  @Test
  void sipInfoBodiesAreJoinedByTheirCallId() {
    List<String> lines = new ArrayList<>();
    String card = "4111111111111111";
    for (int i = 0; i < card.length(); i++) {
      lines.add("<--- Received SIP request (412 bytes) from UDP:10.1.2.3:5060 --->");
      lines.add("INFO sip:ivr@10.1.2.4:5060 SIP/2.0");
      lines.add("Call-ID: 8f3a1c2e-77a1@10.1.2.3");
      lines.add("CSeq: " + (i + 3) + " INFO");
      lines.add("Content-Type: application/dtmf-relay");
      lines.add("Content-Length: 24");
      lines.add("");
      lines.add("Signal=" + card.charAt(i));
      lines.add("Duration=160");
      lines.add("");
    }
    feed(lines);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "[Visa ****1111]", "SIP_INFO 8f3a1c2e-77a1@10.1.2.3"));
  }

  @Test
  void rfc4733PacketsOfOneKeyCountOnceByTimestampAndRepeatedKeysTwice() {
    List<String> lines = new ArrayList<>();
    String card = "4111111111111111";
    int seq = 100;
    for (int i = 0; i < card.length(); i++) {
      long ts = 16000L + 1600L * i;
      for (int packet = 0; packet < 6; packet++) {
        int end = packet >= 3 ? 1 : 0;
        lines.add(
            String.format(
                "[2026-12-05 10:00:00.%03d] DEBUG[4242][C-00000007] res_rtp_asterisk.c: Got  RTP"
                    + " RFC2833 from   10.1.2.3:17000 (type 101, seq %06d, ts %06d, len 000004,"
                    + " mark %d, event %08x, end %d, duration %-5d) ",
                packet,
                seq++,
                ts,
                packet == 0 ? 1 : 0,
                card.charAt(i) - '0',
                end,
                160 * (packet + 1)));
      }
    }
    feed(lines);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[Visa ****1111]", "RTP_EVENT 10.1.2.3:17000"));
  }

  @Test
  void tsharkVerboseEventsUseTheirStreamAndTimestamp() {
    List<String> lines = new ArrayList<>();
    String card = "6011000990139424";
    String[] names = {
      "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"
    };
    for (int i = 0; i < card.length(); i++) {
      int digit = card.charAt(i) - '0';
      for (int packet = 0; packet < 4; packet++) {
        lines.add("Real-Time Transport Protocol");
        lines.add("    Payload type: telephone-event (101)");
        lines.add("    Sequence number: " + (500 + i * 4 + packet));
        lines.add("    Timestamp: " + (80000 + 800 * i));
        lines.add("    Synchronization Source identifier: 0x5f3a9b21 (1597676321)");
        lines.add("RFC 2833 RTP Event");
        lines.add("    Event ID: DTMF " + names[digit] + " " + digit + " (" + digit + ")");
        lines.add("    " + (packet == 3 ? "1" : "0") + "... .... = End of Event: " + (packet == 3));
        lines.add("    Event Duration: " + (160 * (packet + 1)));
      }
    }
    feed(lines);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[Discover ****9424]", "RTP_EVENT 0x5f3a9b21"));
  }

  @Test
  void interleavedCallsAreKeptApartAndEachNamed() {
    String first = "4012888888881881";
    String second = "5105105105105100";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      lines.add(dtmfEnd(first.charAt(i), "PJSIP/alice-00000001"));
      lines.add(dtmfEnd(second.charAt(i), "PJSIP/bob-00000002"));
      lines.add("[2026-12-05 10:00:01.000] VERBOSE[1][C-00000003] pbx.c: Executing [s@ivr:4] Wait");
    }
    feed(lines);
    assertThat(findings)
        .extracting(KeyedFinding::masked, KeyedFinding::call)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("[Visa ****1881]", "DTMF PJSIP/alice-00000001"),
            org.assertj.core.groups.Tuple.tuple(
                "[Mastercard ****5100]", "DTMF PJSIP/bob-00000002"));
  }

  @Test
  void beginLinesAloneStillMakeTheCard() {
    List<String> lines = new ArrayList<>();
    for (char key : "4012888888881881#".toCharArray()) {
      lines.add("DTMF begin '" + key + "' received on PJSIP/alice-00000001");
    }
    feed(lines);
    assertThat(findings).extracting(KeyedFinding::masked).containsExactly("[Visa ****1881]");
  }

  @Test
  void ordinaryKeySequencesAreNotCards() {
    List<String> lines = new ArrayList<>();
    // A menu choice, a ticket number, an account number, a Luhn-invalid 16 digits, a phone number.
    for (String entry :
        new String[] {"1", "12345678#", "004455667788#", "4111111111111112#", "14155550123#"}) {
      for (char key : entry.toCharArray()) {
        lines.add(dtmfEnd(key, "PJSIP/carol-00000009"));
      }
    }
    feed(lines);
    assertThat(findings).isEmpty();
  }

  @Test
  void entriesOfSeveralGetDataPromptsWithoutHashAreNotJoinedIntoCards() {
    // 2,000 calls, each answering three prompts whose digit limit ends the entry (no #): joined,
    // their 29 digits would hold a Luhn-valid, brand-valid 13-19 digit window in some calls.
    java.util.Random random = new java.util.Random(7);
    List<String> lines = new ArrayList<>();
    for (int call = 0; call < 2_000; call++) {
      String channel = "PJSIP/caller-" + call;
      for (int length : new int[] {8, 10, 11}) {
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < length; i++) {
          entry.append((char) ('0' + random.nextInt(10)));
        }
        lines.add("<" + channel + ">AGI Rx << GET DATA custom/prompt 5000 " + length);
        for (char key : entry.toString().toCharArray()) {
          lines.add(dtmfEnd(key, channel));
        }
        lines.add("<" + channel + ">AGI Tx >> 200 result=" + entry);
      }
    }
    feed(lines);
    assertThat(findings).isEmpty();
  }

  @Test
  void keysFurtherApartInTimeThanAnInterDigitTimeoutAreDifferentEntries() {
    String card = "4012888888881881";
    List<String> apart = new ArrayList<>();
    List<String> close = new ArrayList<>();
    for (int i = 0; i < card.length(); i++) {
      int second = i < 8 ? i : i + 5; // a 6 s pause after the eighth key
      String line =
          String.format(
              "[2026-12-05 10:00:%02d.250] DTMF[4242][C-00000001] channel.c: DTMF end '%c'"
                  + " received on PJSIP/erin-00000005, duration 100 ms",
              second, card.charAt(i));
      apart.add(line);
      close.add(line.replace(String.format(":%02d.250]", second), String.format(":%02d.250]", i)));
    }
    feed(apart);
    assertThat(findings).isEmpty();
    feed(close);
    assertThat(findings).extracting(KeyedFinding::masked).containsExactly("[Visa ****1881]");
  }

  @Test
  void keysFarApartInTheLogAreDifferentEntries() {
    List<String> lines = new ArrayList<>();
    String card = "4012888888881881";
    for (int i = 0; i < card.length(); i++) {
      lines.add(dtmfEnd(card.charAt(i), "PJSIP/dave-00000004"));
      if (i == 7) {
        for (long filler = 0; filler <= KeySequence.GAP_LINES; filler++) {
          lines.add("filler");
        }
      }
    }
    feed(lines);
    assertThat(findings).isEmpty();
  }

  @Test
  void openCallsAreBoundedAndAClosedCallIsJudgedNotDropped() {
    long number = 0;
    String card = "4012888888881881";
    // The card's call keys its first half, then many other calls push it out of the open set.
    for (int i = 0; i < card.length(); i++) {
      keys.line(dtmfEnd(card.charAt(i), "PJSIP/first-00000001"), ++number);
    }
    for (int call = 0; call < 3 * KeyedEntryAuditor.MAX_OPEN_CALLS; call++) {
      keys.line(dtmfEnd('1', "PJSIP/other-" + call), ++number);
      assertThat(keys.openCalls()).isLessThanOrEqualTo(KeyedEntryAuditor.MAX_OPEN_CALLS);
    }
    assertThat(findings).extracting(KeyedFinding::masked).containsExactly("[Visa ****1881]");
    keys.finish();
    assertThat(keys.openCalls()).isZero();
  }

  private static String dtmfEnd(char key, String channel) {
    return "[2026-12-05 10:00:00.000] DTMF[4242][C-00000001] channel.c: DTMF end '"
        + key
        + "' received on "
        + channel
        + ", duration 100 ms";
  }

  private void feed(List<String> lines) {
    long number = 0;
    for (String line : lines) {
      keys.line(line, ++number);
    }
    keys.finish();
  }

  private List<String> resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}

package io.tabula.masking.redteam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Ordinary log lines that look like card data to a careless rule: HTTP statuses and {@code
 * result=200}, IBANs, trace and span ids, UUIDs, timestamps, {@code elapsed_ns}, order numbers,
 * phone numbers, lists of numbers, and an IVR's own keys that are not cards (menu choices, ticket
 * and phone numbers keyed one key per line).
 */
final class Traps {

  private static final String[] IBAN_COUNTRIES = {"DE", "GB", "FR", "ES", "IT", "NL", "BE", "CH"};

  private final Random random;
  private final Cards cards;
  private final Noise noise;

  Traps(Random random, Cards cards, Noise noise) {
    this.random = random;
    this.cards = cards;
    this.noise = noise;
  }

  private String head() {
    return noise.engineTime() + " INFO  [utility " + noise.uniqueId() + "] ";
  }

  List<String> httpStatuses() {
    int[] statuses = {200, 200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 429, 500, 502, 503};
    int status = statuses[random.nextInt(statuses.length)];
    String[] forms = {
      noise.ip()
          + " - - [05/Dec/2026:10:00:01 +0000] \"GET /api/v1/balance/"
          + cards.digits(8)
          + " HTTP/1.1\" "
          + status
          + " "
          + random.nextInt(90000)
          + " \"-\" \"okhttp/4.12.0\"",
      head()
          + "i.t.web.Webhook - delivered webhook result="
          + status
          + " in "
          + random.nextInt(900)
          + " ms",
      head()
          + "i.t.web.Webhook - {\"status\":"
          + status
          + ",\"result\":"
          + status
          + ",\"bytes\":"
          + random.nextInt(100000)
          + "}",
      head() + "i.t.pay.Gateway - upstream replied 200 result=" + status + " attempt=1"
    };
    return List.of(forms[random.nextInt(forms.length)]);
  }

  List<String> ibans() {
    String country = IBAN_COUNTRIES[random.nextInt(IBAN_COUNTRIES.length)];
    String bban = cards.digits(18);
    String iban = country + ibanCheckDigits(country, bban) + bban;
    String shown = random.nextBoolean() ? iban : iban.replaceAll("(.{4})", "$1 ").trim();
    return List.of(head() + "i.t.pay.Sepa - mandate for IBAN " + shown + " created");
  }

  /**
   * ISO 13616 check digits: every IBAN a bank or a payment system writes passes mod 97 (an earlier
   * corpus drew them at random, 96 of 97 of its "IBANs" being none).
   */
  private static String ibanCheckDigits(String country, String bban) {
    StringBuilder numeric = new StringBuilder(bban);
    for (char c : (country + "00").toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  List<String> traceIds() {
    long span = Math.abs(random.nextLong());
    String trace = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    String[] forms = {
      head() + "i.t.otel - span_id=" + span + " parent_id=" + Math.abs(random.nextLong()),
      head()
          + "i.t.otel - traceparent=00-"
          + trace
          + "-"
          + Long.toHexString(random.nextLong())
          + "-01",
      head() + "i.t.otel - dd.trace_id=" + Math.abs(random.nextLong()) + " dd.span_id=" + span
    };
    return List.of(forms[random.nextInt(forms.length)]);
  }

  List<String> uuids() {
    return List.of(
        head()
            + "i.t.journal - entry "
            + new UUID(random.nextLong(), random.nextLong())
            + " stored for call "
            + new UUID(random.nextLong(), random.nextLong()));
  }

  List<String> timestamps() {
    long ms = 1_700_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L);
    String[] forms = {
      head() + "i.t.sched - next run at epoch_ms=" + ms,
      head() + "i.t.sched - ts_us=" + ms * 1000 + random.nextInt(1000),
      head() + "i.t.sched - received_at_ns=" + ms * 1_000_000 + random.nextInt(1_000_000),
      head() + "i.t.sched - window " + ms + "-" + (ms + 60_000)
    };
    return List.of(forms[random.nextInt(forms.length)]);
  }

  List<String> elapsedNanos() {
    long ns = (long) (random.nextDouble() * 9_000_000_000_000_000L);
    return List.of(
        head() + "i.t.metrics - db.query elapsed_ns=" + ns + " rows=" + random.nextInt(500));
  }

  List<String> orderNumbers() {
    int length = 8 + random.nextInt(13);
    String order = cards.digits(length);
    String[] forms = {
      "order_id=" + order, "order #" + order, "\"orderNumber\":\"" + order + "\"", "ORD-" + order
    };
    return List.of(head() + "i.t.shop.Orders - " + forms[random.nextInt(forms.length)] + " paid");
  }

  List<String> phoneNumbers() {
    String[] forms = {
      "+1 415 555 " + cards.digits(4),
      "+44 20 7946 " + cards.digits(4),
      "(415) 555-" + cards.digits(4),
      "0049 30 " + cards.digits(7),
      "+" + cards.digits(11),
      "tel:+33" + cards.digits(9)
    };
    return List.of(head() + "i.t.engine.CallSession - caller id " + forms[random.nextInt(6)]);
  }

  List<String> numberLists() {
    StringBuilder list = new StringBuilder();
    int count = 8 + random.nextInt(20);
    for (int i = 0; i < count; i++) {
      list.append(i == 0 ? "" : " ").append(random.nextInt(random.nextBoolean() ? 10 : 5000));
    }
    return List.of(head() + "i.t.metrics - latency histogram ms: " + list);
  }

  /** An IVR's ordinary keys: a menu choice, a ticket number, a phone number, one key per line. */
  List<String> ivrKeysNotCards() {
    String channel = noise.newChannel();
    String[] entries = {
      (1 + random.nextInt(9)) + "",
      cards.digits(8) + "#",
      "1" + cards.digits(10) + "#",
      (1 + random.nextInt(3)) + "" + cards.digits(8) + "#" + (1 + random.nextInt(2))
    };
    String keys = entries[random.nextInt(entries.length)];
    List<String> out = new ArrayList<>();
    int style = random.nextInt(3);
    String prefix =
        " VERBOSE[" + noise.thread() + "][" + noise.callId() + "] res_agi.c: <" + channel;
    for (char key : keys.toCharArray()) {
      switch (style) {
        case 0 ->
            out.add(
                noise.asteriskTime()
                    + " DTMF["
                    + noise.thread()
                    + "]["
                    + noise.callId()
                    + "] channel.c: DTMF end '"
                    + key
                    + "' received on "
                    + channel
                    + ", duration 100 ms");
        case 1 -> {
          out.add(noise.asteriskTime() + prefix + ">AGI Rx << WAIT FOR DIGIT 5000");
          out.add(noise.asteriskTime() + prefix + ">AGI Tx >> 200 result=" + (int) key);
        }
        default -> {
          out.add("Call-ID: " + noise.sipCallId());
          out.add("Signal=" + key);
          out.add("Duration=160");
        }
      }
    }
    return out;
  }

  /**
   * A call that answers several GET DATA prompts without # (the prompt's digit limit ends each):
   * ticket, account and phone number, as Asterisk logs it with DTMF and AGI debug on (commands).
   */
  List<String> ivrGetDataEntries() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    String ids = "[" + noise.thread() + "][" + noise.callId() + "]";
    String agi = " VERBOSE" + ids + " res_agi.c: <" + channel;
    for (String entry : new String[] {cards.digits(8), cards.digits(10), "1" + cards.digits(10)}) {
      out.add(
          noise.asteriskTime() + agi + ">AGI Rx << GET DATA custom/prompt 5000 " + entry.length());
      for (char key : entry.toCharArray()) {
        out.add(
            noise.asteriskTime()
                + " DTMF"
                + ids
                + " channel.c: DTMF end '"
                + key
                + "' received on "
                + channel
                + ", duration 100 ms");
      }
      // The reply ("200 result=<digits>") is left out: keyed digits in an AGI reply are an
      // "AGI result digits" finding by design, whatever they are.
    }
    return out;
  }

  List<String> asteriskOrdinary() {
    String channel = noise.newChannel();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(noise.asteriskChatter(channel));
    }
    String prefix =
        " VERBOSE[" + noise.thread() + "][" + noise.callId() + "] res_agi.c: <" + channel;
    out.add(noise.asteriskTime() + prefix + ">AGI Tx >> agi_threadid: 1407" + cards.digits(11));
    out.add(noise.asteriskTime() + prefix + ">AGI Tx >> agi_uniqueid: " + noise.uniqueId());
    out.add(noise.asteriskTime() + prefix + ">AGI Rx << ANSWER");
    out.add(noise.asteriskTime() + prefix + ">AGI Tx >> 200 result=0");
    return out;
  }

  List<String> hashesAndTokens() {
    String[] forms = {
      "sha256=" + hex(64),
      "etag=\"" + hex(32) + "\"",
      "object_id=" + hex(24),
      "build " + hex(40),
      "request_id=req_" + cards.digits(13)
    };
    return List.of(head() + "i.t.store - " + forms[random.nextInt(forms.length)]);
  }

  private String hex(int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return out.toString();
  }
}

package io.tabula.masking.log;

import java.util.List;

/**
 * One kind of leak the masking layer must stop: the text a logger might be handed, the fragments
 * that must never reach an appender, and the mask that shows the line did arrive, masked.
 */
record Leak(String name, String payload, List<String> forbidden, String mask) {

  static List<Leak> all() {
    return List.of(
        new Leak("card", "4111111111111111", List.of("411111111111"), "****1111"),
        new Leak(
            "card with spaces",
            "5555 5555 5555 4444",
            List.of("5555 5555 5555", "555555555555"),
            "****4444"),
        new Leak("card with dashes", "3782-822463-10005", List.of("822463"), "****0005"),
        new Leak("card with dots", "6011.1111.1111.1117", List.of("6011.1111.1111"), "****1117"),
        new Leak(
            "card split across JSON fields",
            "{\"pan_a\":\"401288\",\"pan_b\":\"8888881881\"}",
            List.of("401288", "888888"),
            "1881"),
        new Leak(
            "track 1",
            "%B5200828282828210^DOE/JANE^2612101123400001?",
            List.of("520082828282", "2612101123"),
            "[track1 Mastercard ****8210]"),
        new Leak(
            "track 2",
            ";3530111333300000=26121011234567890?",
            List.of("353011133330", "2612101123"),
            "[track2 JCB ****0000]"),
        new Leak("cvv", "cvv=739", List.of("cvv=739"), "cvv=***"),
        new Leak("pin", "{\"pin\": \"8264\"}", List.of("\"pin\": \"8264\""), "\"pin\": \"***\""),
        new Leak("AGI result", "200 result=1228 (timeout)", List.of("result=1228"), "result=***"),
        new Leak("AMI digit", "Event: DTMFEnd\r\nDigit: 7\r\n", List.of("Digit: 7"), "Digit: ***"));
  }

  @Override
  public String toString() {
    return name;
  }
}

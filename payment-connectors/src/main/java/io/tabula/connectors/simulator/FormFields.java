package io.tabula.connectors.simulator;

import io.netty.buffer.ByteBuf;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A form-encoded request body as the simulator needs it: ordinary fields as text, the card number
 * only as a {@link CardSummary}, the CVC only as its length. The card digits are looked at where
 * they lie in the buffer and never copied.
 */
final class FormFields {

  static final String CARD_NUMBER = "card[number]";
  static final String CARD_CVC = "card[cvc]";

  private final Map<String, String> values;
  private final Optional<CardSummary> card;
  private final int cvcLength;

  private FormFields(Map<String, String> values, Optional<CardSummary> card, int cvcLength) {
    this.values = values;
    this.card = card;
    this.cvcLength = cvcLength;
  }

  static FormFields parse(ByteBuf body) {
    Map<String, String> values = new HashMap<>();
    CardSummary card = null;
    int cvcLength = 0;
    int start = body.readerIndex();
    int end = body.writerIndex();
    while (start < end) {
      int amp = body.indexOf(start, end, (byte) '&');
      int pairEnd = amp < 0 ? end : amp;
      int eq = body.indexOf(start, pairEnd, (byte) '=');
      int nameEnd = eq < 0 ? pairEnd : eq;
      String name = decode(body, start, nameEnd - start);
      int valueStart = eq < 0 ? pairEnd : eq + 1;
      int valueLength = pairEnd - valueStart;
      if (CARD_NUMBER.equals(name)) {
        card = CardSummary.of(body, valueStart, valueLength);
      } else if (CARD_CVC.equals(name)) {
        cvcLength = valueLength;
      } else {
        values.put(name, decode(body, valueStart, valueLength));
      }
      start = pairEnd + 1;
    }
    return new FormFields(values, Optional.ofNullable(card), cvcLength);
  }

  private static String decode(ByteBuf body, int index, int length) {
    return URLDecoder.decode(
        body.toString(index, length, StandardCharsets.US_ASCII), StandardCharsets.UTF_8);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Metadata entries ({@code metadata[key]=value}), which are never card data. */
  Map<String, String> metadata() {
    Map<String, String> metadata = new HashMap<>();
    values.forEach(
        (name, value) -> {
          if (name.startsWith("metadata[") && name.endsWith("]")) {
            metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
          }
        });
    return metadata;
  }

  Optional<CardSummary> card() {
    return card;
  }

  int cvcLength() {
    return cvcLength;
  }
}

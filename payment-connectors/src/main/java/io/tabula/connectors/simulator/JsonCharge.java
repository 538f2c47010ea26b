package io.tabula.connectors.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A charge request of the simulator's generic JSON API. The card number and CVC are summarized
 * where they lie and then overwritten with zeros in the buffer, so the JSON parser only ever sees
 * {@code "0000..."}.
 */
record JsonCharge(Optional<CardSummary> card, JsonNode fields) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Optional<JsonCharge> parse(ByteBuf body) {
    CardSummary card = null;
    int[] number = stringValue(body, "\"number\"");
    if (number != null) {
      card = CardSummary.of(body, number[0], number[1]);
      blank(body, number);
    }
    int[] cvc = stringValue(body, "\"cvc\"");
    if (cvc != null) {
      blank(body, cvc);
    }
    try (ByteBufInputStream in = new ByteBufInputStream(body.duplicate())) {
      return Optional.of(new JsonCharge(Optional.ofNullable(card), JSON.readTree(in)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Start and length of the string value after {@code key}, or null. */
  private static int[] stringValue(ByteBuf body, String key) {
    byte[] pattern = key.getBytes(StandardCharsets.US_ASCII);
    int end = body.writerIndex();
    for (int i = body.readerIndex(); i + pattern.length <= end; i++) {
      if (matches(body, i, pattern)) {
        int at = skip(body, i + pattern.length, end);
        if (at < end && body.getByte(at) == ':') {
          at = skip(body, at + 1, end);
          if (at < end && body.getByte(at) == '"') {
            int close = body.indexOf(at + 1, end, (byte) '"');
            return close < 0 ? null : new int[] {at + 1, close - at - 1};
          }
        }
      }
    }
    return null;
  }

  private static boolean matches(ByteBuf body, int index, byte[] pattern) {
    for (int j = 0; j < pattern.length; j++) {
      if (body.getByte(index + j) != pattern[j]) {
        return false;
      }
    }
    return true;
  }

  private static int skip(ByteBuf body, int index, int end) {
    int at = index;
    while (at < end && Character.isWhitespace(body.getByte(at))) {
      at++;
    }
    return at;
  }

  private static void blank(ByteBuf body, int[] range) {
    for (int i = 0; i < range[1]; i++) {
      body.setByte(range[0] + i, '0');
    }
  }
}

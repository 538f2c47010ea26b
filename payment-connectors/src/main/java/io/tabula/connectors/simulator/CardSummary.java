package io.tabula.connectors.simulator;

import io.netty.buffer.ByteBuf;

/**
 * All the simulator keeps of a card number: its brand, its last four digits and the test behaviour
 * it selects. It is made from the digits where they lie in the request buffer.
 */
record CardSummary(String brand, String lastFour, TestCard behaviour, boolean luhnValid) {

  static CardSummary of(ByteBuf body, int index, int length) {
    if (length < 12 || length > 19) {
      return new CardSummary("unknown", "", TestCard.APPROVE, false);
    }
    char[] four = new char[4];
    for (int i = 0; i < 4; i++) {
      four[i] = (char) body.getByte(index + length - 4 + i);
    }
    return new CardSummary(
        brand(body.getByte(index), body.getByte(index + 1)),
        new String(four),
        TestCard.of(body, index, length),
        luhn(body, index, length));
  }

  private static String brand(byte first, byte second) {
    return switch (first) {
      case '4' -> "visa";
      case '5', '2' -> "mastercard";
      case '3' -> second == '4' || second == '7' ? "amex" : "diners";
      case '6' -> "discover";
      default -> "unknown";
    };
  }

  private static boolean luhn(ByteBuf body, int index, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int value = body.getByte(index + length - 1 - i) - '0';
      if (value < 0 || value > 9) {
        return false;
      }
      if (i % 2 == 1) {
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      }
      sum += value;
    }
    return sum % 10 == 0;
  }

  @Override
  public String toString() {
    return brand + " ending " + lastFour;
  }
}

package io.tabula.connectors.simulator;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's documented test cards and what each does at confirmation. Anything else that passes the
 * Luhn check is approved; anything that does not is an {@code incorrect_number} error.
 */
enum TestCard {
  APPROVE("4242424242424242", null, null),
  APPROVE_MASTERCARD("5555555555554444", null, null),
  APPROVE_AMEX("378282246310005", null, null),
  GENERIC_DECLINE("4000000000000002", "card_declined", "generic_decline"),
  INSUFFICIENT_FUNDS("4000000000009995", "card_declined", "insufficient_funds"),
  DO_NOT_HONOUR("4000000000000036", "card_declined", "do_not_honor"),
  EXPIRED_CARD("4000000000000069", "expired_card", null),
  INCORRECT_CVC("4000000000000127", "incorrect_cvc", null),
  PROCESSING_ERROR("4000000000000119", "processing_error", null),
  /** Stripe's card that always asks for 3-D Secure: the intent waits in {@code requires_action}. */
  REQUIRES_ACTION("4000000000003220", "requires_action", null);

  private final byte[] number;
  private final String code;
  private final String declineCode;

  TestCard(String number, String code, String declineCode) {
    this.number = number.getBytes(StandardCharsets.US_ASCII);
    this.code = code;
    this.declineCode = declineCode;
  }

  /** The behaviour of the card whose digits are {@code length} bytes at {@code index}. */
  static TestCard of(ByteBuf digits, int index, int length) {
    for (TestCard card : values()) {
      if (card.number.length == length && matches(card.number, digits, index)) {
        return card;
      }
    }
    return APPROVE;
  }

  private static boolean matches(byte[] expected, ByteBuf digits, int index) {
    for (int i = 0; i < expected.length; i++) {
      if (digits.getByte(index + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  boolean approves() {
    return code == null;
  }

  /** Stripe's {@code error.code}, null when approved. */
  String code() {
    return code;
  }

  /** Stripe's {@code error.decline_code}, null when none. */
  String declineCode() {
    return declineCode;
  }
}

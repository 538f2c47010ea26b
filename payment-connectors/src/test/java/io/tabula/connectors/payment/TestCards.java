package io.tabula.connectors.payment;

import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;

/** Test helper: keys Stripe's public test card numbers into a call's memory, as a caller would. */
public final class TestCards {

  public static final String VISA_APPROVED = "4242424242424242";
  public static final String GENERIC_DECLINE = "4000000000000002";
  public static final String INSUFFICIENT_FUNDS = "4000000000009995";
  public static final String EXPIRED_CARD = "4000000000000069";
  public static final String INCORRECT_CVC = "4000000000000127";
  public static final String PROCESSING_ERROR = "4000000000000119";
  public static final String REQUIRES_ACTION = "4000000000003220";
  public static final String FUTURE_EXPIRY = "1230";

  private TestCards() {}

  public static CallMemory newCall(CallMemoryPool pool) {
    if (pool.acquire() instanceof Acquisition.Acquired(CallMemory memory)) {
      return memory;
    }
    throw new IllegalStateException("the test pool is full");
  }

  /** Defines the card fields of a call and keys the given digits into them. */
  public static CardFields key(CallMemory memory, String pan, String mmyy, String cvc) {
    CardFields card =
        new CardFields(memory.field("pan", 19), memory.field("expiry", 4), memory.field("cvc", 4));
    card.clear();
    type(card.pan(), pan);
    type(card.expiry(), mmyy);
    type(card.cvc(), cvc);
    return card;
  }

  public static CardFields key(CallMemory memory, String pan) {
    return key(memory, pan, FUTURE_EXPIRY, "123");
  }

  static void type(SecretField field, String digits) {
    for (byte b : digits.getBytes(StandardCharsets.US_ASCII)) {
      field.append(b);
    }
  }

  /** Appends the Luhn check digit to a partial number. */
  public static String withCheckDigit(String partial) {
    for (int check = 0; check <= 9; check++) {
      String candidate = partial + check;
      int sum = 0;
      for (int i = 0; i < candidate.length(); i++) {
        int value = candidate.charAt(candidate.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          value = value * 2 > 9 ? value * 2 - 9 : value * 2;
        }
        sum += value;
      }
      if (sum % 10 == 0) {
        return candidate;
      }
    }
    throw new AssertionError("unreachable");
  }
}

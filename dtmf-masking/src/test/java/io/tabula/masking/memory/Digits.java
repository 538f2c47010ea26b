package io.tabula.masking.memory;

import java.nio.charset.StandardCharsets;

/** Test helper: types a digit string (test data, never a caller's) into a field. */
final class Digits {

  private Digits() {}

  static SecretField type(SecretField field, String digits) {
    for (byte b : digits.getBytes(StandardCharsets.US_ASCII)) {
      field.append(b);
    }
    return field;
  }

  static byte[] rawBytes(CallMemoryPool pool, int slot) {
    return pool.rawSlot(slot).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
  }
}

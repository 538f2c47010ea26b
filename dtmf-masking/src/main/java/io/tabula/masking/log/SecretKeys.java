package io.tabula.masking.log;

/**
 * The keys whose values are secrets, matched case-insensitively as whole words before a {@code =}
 * or {@code :} ({@code cvv=123}, {@code "pin": "1234"}, {@code Digit: 5}, {@code result=4111...}).
 * Matching needs no allocation: it runs on every {@code :} of every log line.
 */
final class SecretKeys {

  private static final String[] CVC = {
    "cvc",
    "cvv",
    "cvv2",
    "cvc2",
    "cid",
    "csc",
    "cav2",
    "cvn",
    "security_code",
    "securitycode",
    "security-code",
    "card_code",
    "cardcode",
    "card_verification",
    "verification_code"
  };
  private static final String[] PIN = {"pin", "pin_code", "pincode", "pin-code", "passcode"};
  private static final String[] PASSWORD = {
    "password",
    "passwd",
    "secret",
    "client_secret",
    "api_key",
    "apikey",
    "access_token",
    "private_key"
  };
  private static final int MAX_KEY = 24;

  private SecretKeys() {}

  /**
   * The kind of secret whose key ends just before the separator at {@code separator} (skipping a
   * closing quote and spaces), or null.
   */
  static SecretKind keyBefore(CharSequence text, int separator) {
    int end = separator;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 && Chars.isQuote(text.charAt(end - 1))) {
      end--;
      if (end > 0 && text.charAt(end - 1) == '\\') {
        end--;
      }
    }
    int start = end;
    while (start > 0 && end - start <= MAX_KEY && isKeyChar(text.charAt(start - 1))) {
      start--;
    }
    int length = end - start;
    if (length < 3 || length > MAX_KEY) {
      return null;
    }
    return kindOf(text, start, length, text.charAt(separator));
  }

  private static SecretKind kindOf(CharSequence text, int start, int length, char separator) {
    if (matchesAny(text, start, length, CVC)) {
      return SecretKind.CVC;
    }
    if (matchesAny(text, start, length, PIN)) {
      return SecretKind.PIN;
    }
    if (separator == '=' && matches(text, start, length, "result")) {
      return SecretKind.AGI_RESULT;
    }
    if (matches(text, start, length, "digit")) {
      return SecretKind.DTMF_DIGIT;
    }
    if (matchesAny(text, start, length, PASSWORD)) {
      return SecretKind.PASSWORD;
    }
    return null;
  }

  private static boolean matchesAny(CharSequence text, int start, int length, String[] keys) {
    for (String key : keys) {
      if (matches(text, start, length, key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(CharSequence text, int start, int length, String key) {
    if (key.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Chars.lower(text.charAt(start + i)) != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKeyChar(char c) {
    return Chars.isWordChar(c) || c == '-';
  }
}

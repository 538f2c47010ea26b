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
    "cardsecuritycode",
    "card_security_code",
    "card-security-code",
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

  /** CVC keys that name a card security code even with no {@code =} or {@code :} after them. */
  private static final String[] BARE_CVC = {"cvc", "cvv", "cvv2", "cvc2", "csc", "cvn"};

  private static final int MAX_KEY = 24;

  /** The longest bare CVC key (or the word {@code code}): a longer word is none of them. */
  private static final int BARE_KEY_WALK = 4;

  /** Bit {@code n} set when some key of the list (or a special key) is {@code n} long. */
  private static final long KEY_LENGTHS =
      lengths(CVC) | lengths(PIN) | lengths(PASSWORD) | lengths(new String[] {"result", "digit"});

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
    if (end > 0 && text.charAt(end - 1) == ']') {
      return bracketedKey(text, end - 1, separator);
    }
    int start = keyStart(text, end);
    int length = end - start;
    if (length < 3 || length > MAX_KEY) {
      return null;
    }
    if (securityCode(text, start, length)) {
      return SecretKind.CVC;
    }
    return kindOf(text, start, length, text.charAt(separator));
  }

  /** The two words {@code security code} ending at {@code start + length}, as people write it. */
  private static boolean securityCode(CharSequence text, int start, int length) {
    String words = "security ";
    int wordsStart = start - words.length();
    if (!matches(text, start, length, "code") || wordsStart < 0) {
      return false;
    }
    if (wordsStart > 0 && isKeyChar(text.charAt(wordsStart - 1))) {
      return false;
    }
    return matches(text, wordsStart, words.length(), words);
  }

  /**
   * The kind of a form field's inner key: {@code card[cvc]=123}, {@code payment[card][cvc]=}; the
   * closing bracket is at {@code close}.
   */
  private static SecretKind bracketedKey(CharSequence text, int close, int separator) {
    int start = keyStart(text, close);
    int length = close - start;
    if (start == 0 || text.charAt(start - 1) != '[' || length < 3 || length > MAX_KEY) {
      return null;
    }
    return kindOf(text, start, length, text.charAt(separator));
  }

  /** The kind of an XML element's key whose start tag ends at {@code close}: {@code <cvc>}. */
  static SecretKind xmlKeyBefore(CharSequence text, int close) {
    int start = keyStart(text, close);
    int length = close - start;
    if (start == 0 || text.charAt(start - 1) != '<' || length < 3 || length > MAX_KEY) {
      return null;
    }
    SecretKind kind = kindOf(text, start, length, '>');
    return kind == SecretKind.CVC || kind == SecretKind.PIN ? kind : null;
  }

  /**
   * Whether a CVC key stands just before the digits at {@code digits}, separated only by spaces, a
   * tab, a dash or {@code #} ({@code cvv 123}, {@code CVV2 #123}, {@code CVV2 - 123}, {@code
   * security code 123}), as people write it in free text.
   */
  static boolean bareCvcBefore(CharSequence text, int digits) {
    int end = digits;
    int gap = 0;
    while (end > 0 && gap < 3 && isBareGap(text.charAt(end - 1))) {
      end--;
      gap++;
    }
    if (gap == 0 || end == 0 || !mayEndBareKey(text.charAt(end - 1))) {
      return false;
    }
    int start = keyStart(text, end, BARE_KEY_WALK);
    int length = end - start;
    return length >= 3
        && length <= 4
        && (matchesAny(text, start, length, BARE_CVC) || securityCode(text, start, length));
  }

  /**
   * Whether {@code c} can end a bare CVC key or the word {@code code}: one look spares the walk
   * back over the word before almost every number of a line.
   */
  private static boolean mayEndBareKey(char c) {
    char lower = Chars.lower(c);
    return lower == 'c' || lower == 'v' || lower == '2' || lower == 'n' || lower == 'e';
  }

  private static boolean isBareGap(char c) {
    return c == ' ' || c == '\t' || c == '#' || c == '-';
  }

  private static int keyStart(CharSequence text, int end) {
    return keyStart(text, end, MAX_KEY);
  }

  /**
   * The start of the key characters ending at {@code end}, walking back at most {@code longest + 1}
   * characters: a longer run is no key of that length, and stopping there spares the walk over
   * every word before a number.
   */
  private static int keyStart(CharSequence text, int end, int longest) {
    int start = end;
    while (start > 0 && end - start <= longest && isKeyChar(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  private static long lengths(String[] keys) {
    long bits = 0;
    for (String key : keys) {
      bits |= 1L << key.length();
    }
    return bits;
  }

  private static SecretKind kindOf(CharSequence text, int start, int length, char separator) {
    if ((KEY_LENGTHS & (1L << length)) == 0) {
      return null;
    }
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

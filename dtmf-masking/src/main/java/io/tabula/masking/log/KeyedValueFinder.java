package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;

import java.util.List;

/**
 * Finds secret values next to their keys: CVC and PIN digits, AGI {@code result=} digits, Asterisk
 * {@code Digit:} keys, and (for auditors) passwords. Each value is replaced by {@code ***}, which
 * tells nothing, not even the length.
 */
final class KeyedValueFinder {

  static final String MASK = "***";

  private final ScanPolicy policy;

  KeyedValueFinder(ScanPolicy policy) {
    this.policy = policy;
  }

  void find(CharSequence text, List<Finding> out) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        SecretKind kind = SecretKeys.keyBefore(text, i);
        if (kind != null) {
          valueAfter(text, i, kind, out);
        }
      }
    }
  }

  private void valueAfter(CharSequence text, int separator, SecretKind kind, List<Finding> out) {
    int start = valueStart(text, separator + 1);
    int end =
        switch (kind) {
          case DTMF_DIGIT -> dtmfEnd(text, start);
          case PASSWORD -> passwordEnd(text, start);
          case AGI_RESULT -> digitsWithin(text, start, policy.requireSecretLengths() ? 3 : 2, 99);
          case CVC -> digitsWithin(text, start, policy.requireSecretLengths() ? 3 : 1, 4);
          case PIN -> digitsWithin(text, start, policy.requireSecretLengths() ? 4 : 1, 12);
          default -> -1;
        };
    if (end > start) {
      out.add(new Finding(start, end, kind, MASK));
    }
  }

  private static int valueStart(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i + 1 < text.length() && text.charAt(i) == '\\' && Chars.isQuote(text.charAt(i + 1))) {
      return i + 2;
    }
    return i < text.length() && Chars.isQuote(text.charAt(i)) ? i + 1 : i;
  }

  /** The end of a digit run of {@code min..max} digits not glued to a word, or -1. */
  private static int digitsWithin(CharSequence text, int start, int min, int max) {
    int end = CardNumberFinder.digitsEnd(text, start);
    int count = end - start;
    if (count < min || count > max) {
      return -1;
    }
    return end < text.length() && Chars.isLetter(text.charAt(end)) ? -1 : end;
  }

  private static int dtmfEnd(CharSequence text, int start) {
    if (start >= text.length()) {
      return -1;
    }
    char c = text.charAt(start);
    boolean key =
        isDigit(c) || c == '*' || c == '#' || (Chars.lower(c) >= 'a' && Chars.lower(c) <= 'd');
    boolean alone = start + 1 >= text.length() || !Chars.isWordChar(text.charAt(start + 1));
    return key && alone ? start + 1 : -1;
  }

  /** A password value that is not already masked, a placeholder or empty. */
  private static int passwordEnd(CharSequence text, int start) {
    int end = start;
    while (end < text.length() && !isValueEnd(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      return -1;
    }
    char first = text.charAt(start);
    boolean placeholder =
        first == '*' || first == '<' || first == '[' || first == '$' || first == '{';
    return placeholder || isWordPlaceholder(text, start, end) ? -1 : end;
  }

  private static boolean isValueEnd(char c) {
    return c == ' ' || c == '"' || c == '\'' || c == ',' || c == '&' || c == ';' || c == '}'
        || c == '\\' || c == '\t';
  }

  private static boolean isWordPlaceholder(CharSequence text, int start, int end) {
    String value = text.subSequence(start, end).toString().toLowerCase(java.util.Locale.ROOT);
    return value.equals("null")
        || value.equals("none")
        || value.equals("masked")
        || value.equals("redacted")
        || value.equals("hidden")
        || value.equals("true")
        || value.equals("false");
  }
}

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
      } else if (c == '>') {
        SecretKind kind = SecretKeys.xmlKeyBefore(text, i);
        if (kind != null) {
          valueAfter(text, i, kind, out);
        }
      } else if (isDigit(c) && (i == 0 || !isDigit(text.charAt(i - 1)))) {
        if (SecretKeys.bareCvcBefore(text, i)) {
          valueAfter(text, i - 1, SecretKind.CVC, out);
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
          case AGI_RESULT -> agiResultEnd(text, separator, start);
          case CVC -> digitsWithin(text, start, policy.requireSecretLengths() ? 3 : 1, 4);
          case PIN -> digitsWithin(text, start, policy.requireSecretLengths() ? 4 : 1, 12);
          default -> -1;
        };
    if (end > start) {
      out.add(new Finding(start, end, kind, MASK, reason(text, kind, separator, start)));
    }
  }

  /**
   * AGI result digits: two or more when masking; for auditors three or more, and only in an AGI
   * reply ({@code 200 result=}) or a line that says AGI: {@code result=200} in a web hook's log is
   * an HTTP status.
   */
  private int agiResultEnd(CharSequence text, int separator, int start) {
    if (!policy.requireSecretLengths()) {
      return digitsWithin(text, start, 2, 99);
    }
    return agiContext(text, separator) ? digitsWithin(text, start, 3, 99) : -1;
  }

  /**
   * An AGI reply ({@code 200 result=} opening the line or after a trace's {@code >>}, {@code <<} or
   * {@code :}), or the word AGI anywhere in the line. {@code upstream replied 200 result=400} is an
   * HTTP client's words, not an AGI reply.
   */
  static boolean agiContext(CharSequence text, int separator) {
    int key = separator - "result".length();
    if (key >= 4
        && text.charAt(key - 1) == ' '
        && text.charAt(key - 2) == '0'
        && text.charAt(key - 3) == '0'
        && text.charAt(key - 4) == '2'
        && opensAgiReply(text, key - 4)) {
      return true;
    }
    for (int i = 0; i + 2 < text.length(); i++) {
      if (Chars.lower(text.charAt(i)) == 'a'
          && Chars.lower(text.charAt(i + 1)) == 'g'
          && Chars.lower(text.charAt(i + 2)) == 'i'
          && (i == 0 || !Chars.isLetter(text.charAt(i - 1)))
          && (i + 3 >= text.length() || !Chars.isLetter(text.charAt(i + 3)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the {@code 200} at {@code status} opens the line or follows {@code >>, <<} or {@code
   * :}.
   */
  private static boolean opensAgiReply(CharSequence text, int status) {
    int i = status;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == 0) {
      return true;
    }
    char c = text.charAt(i - 1);
    return i < status && (c == '>' || c == '<' || c == ':');
  }

  private static Reason reason(CharSequence text, SecretKind kind, int separator, int start) {
    String field = FieldNames.before(text, start);
    String rule =
        switch (kind) {
          case CVC -> "digits after a card security code key";
          case PIN -> "digits after a PIN key";
          case AGI_RESULT -> "digits an AGI command returned (the keys a caller pressed)";
          case DTMF_DIGIT -> "a key a caller pressed";
          case PASSWORD -> "a value after a password or secret key";
          default -> kind.description();
        };
    if (field == null && kind == SecretKind.CVC && separator >= 0) {
      rule += " written without = or :";
    }
    return new Reason(rule, field == null ? "" : field, "", "");
  }

  private static int valueStart(CharSequence text, int from) {
    int i = from;
    if (i < text.length() && text.charAt(i) == '>') {
      i++;
    }
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
    boolean alone =
        start + 1 >= text.length()
            || !(Chars.isWordChar(text.charAt(start + 1))
                || text.charAt(start + 1) == '*'
                || text.charAt(start + 1) == '#');
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

package io.tabula.masking.log;

import java.util.List;

/** Secrets that are not card data but must not sit in a log either: private keys, bearer tokens. */
final class OtherSecrets {

  private static final String PEM = "-----BEGIN ";
  private static final String BEARER = "bearer ";
  private static final int MIN_TOKEN = 16;

  private OtherSecrets() {}

  static boolean startsAt(CharSequence text, int i) {
    return regionMatchesIgnoreCase(text, i, PEM) || regionMatchesIgnoreCase(text, i, BEARER);
  }

  static void find(CharSequence text, List<Finding> out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' && regionMatchesIgnoreCase(text, i, PEM)) {
        int end = indexOf(text, "-----", i + PEM.length());
        if (end > 0 && contains(text, i, end, "PRIVATE KEY")) {
          out.add(new Finding(i, end + 5, SecretKind.PRIVATE_KEY, "[private key]"));
          i = end + 4;
        }
      } else if ((c == 'B' || c == 'b') && regionMatchesIgnoreCase(text, i, BEARER)) {
        int start = i + BEARER.length();
        int end = start;
        while (end < text.length() && isTokenChar(text.charAt(end))) {
          end++;
        }
        if (end - start >= MIN_TOKEN) {
          out.add(new Finding(start, end, SecretKind.BEARER_TOKEN, KeyedValueFinder.MASK));
          i = end - 1;
        }
      }
    }
  }

  private static boolean isTokenChar(char c) {
    return Chars.isWordChar(c)
        || c == '.'
        || c == '-'
        || c == '~'
        || c == '+'
        || c == '/'
        || c == '=';
  }

  private static boolean regionMatchesIgnoreCase(CharSequence text, int at, String lowerOrExact) {
    if (at + lowerOrExact.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < lowerOrExact.length(); i++) {
      if (Chars.lower(text.charAt(at + i)) != Chars.lower(lowerOrExact.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(CharSequence text, String wanted, int from) {
    return text.toString().indexOf(wanted, from);
  }

  private static boolean contains(CharSequence text, int from, int to, String wanted) {
    return text.subSequence(from, to).toString().contains(wanted);
  }
}

package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;

import java.util.List;

/**
 * Finds magnetic-stripe track data: track 1 ({@code %B<PAN>^<NAME>^<YYMM><service code>...?}) and
 * track 2 ({@code ;<PAN>=<YYMM><service code>...?}, or with the {@code D} separator chip data and
 * EMV tag 57 use: {@code 4111...D2512101...}), with or without the sentinels. The whole track is
 * replaced: it holds the name, expiry and discretionary data besides the card number.
 */
final class TrackDataFinder {

  private static final int MAX_TRACK_1 = 79;
  private static final int MAX_NAME = 26;
  private static final int MAX_TRACK_2 = 40;

  private final ScanPolicy policy;

  TrackDataFinder(ScanPolicy policy) {
    this.policy = policy;
  }

  void find(CharSequence text, List<Finding> out) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c == 'B' || c == 'b') && i + 1 < n && isDigit(text.charAt(i + 1))) {
        i = track1(text, i, out);
      } else if (isDigit(c) && (i == 0 || !isDigit(text.charAt(i - 1)))) {
        i = track2(text, i, out);
      }
    }
  }

  private int track1(CharSequence text, int b, List<Finding> out) {
    int panEnd = CardNumberFinder.digitsEnd(text, b + 1);
    int panDigits = panEnd - b - 1;
    if (panDigits < 13 || panDigits > 19 || panEnd >= text.length() || text.charAt(panEnd) != '^') {
      return b;
    }
    int nameEnd = indexOf(text, '^', panEnd + 1, MAX_NAME + 1);
    if (nameEnd < 0 || CardNumberFinder.digitsEnd(text, nameEnd + 1) - nameEnd - 1 < 7) {
      return b;
    }
    int start = b > 0 && text.charAt(b - 1) == '%' ? b - 1 : b;
    int end = trackEnd(text, nameEnd + 1, start + MAX_TRACK_1);
    return report(text, start, end, b + 1, panDigits, SecretKind.TRACK_1, "track1", out);
  }

  private int track2(CharSequence text, int panStart, List<Finding> out) {
    int panEnd = CardNumberFinder.digitsEnd(text, panStart);
    int panDigits = panEnd - panStart;
    if (panDigits < 13
        || panDigits > 19
        || panEnd >= text.length()
        || !isTrack2Separator(text, panEnd)) {
      return panEnd - 1;
    }
    if (CardNumberFinder.digitsEnd(text, panEnd + 1) - panEnd - 1 < 7) {
      return panEnd - 1;
    }
    int start = panStart > 0 && text.charAt(panStart - 1) == ';' ? panStart - 1 : panStart;
    int end = trackEnd(text, panEnd + 1, start + MAX_TRACK_2);
    if (text.charAt(panEnd) != '=' && !standsAlone(text, start, end)) {
      return panEnd - 1;
    }
    return report(text, start, end, panStart, panDigits, SecretKind.TRACK_2, "track2", out);
  }

  /**
   * Track 2 with a {@code D} (chip data) must not be glued to a word: inside a hex identifier
   * ({@code ab4111...d2512...}) digits, a {@code d} and more digits are no track. The padding
   * {@code F} chip data ends with is allowed after it.
   */
  private static boolean standsAlone(CharSequence text, int start, int end) {
    boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    int after = end;
    if (after < text.length() && (text.charAt(after) == 'F' || text.charAt(after) == 'f')) {
      after++;
    }
    return before && (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after)));
  }

  private static boolean isTrack2Separator(CharSequence text, int at) {
    char c = text.charAt(at);
    return c == '=' || c == 'D' || c == 'd';
  }

  private int report(
      CharSequence text,
      int start,
      int end,
      int panStart,
      int panDigits,
      SecretKind kind,
      String label,
      List<Finding> out) {
    char[] pan = new char[panDigits];
    for (int i = 0; i < panDigits; i++) {
      pan[i] = text.charAt(panStart + i);
    }
    try {
      String brand = CardMasks.brand(pan, 0, panDigits);
      if (brand != null || !policy.requireCardBrand()) {
        Reason reason =
            new Reason(
                label.replace("track", "track ")
                    + " data: a "
                    + panDigits
                    + "-digit card number, its separator and expiry",
                "",
                brand == null ? "" : brand,
                "");
        out.add(
            new Finding(start, end, kind, CardMasks.card(label, brand, pan, panDigits), reason));
      }
    } finally {
      java.util.Arrays.fill(pan, '\0');
    }
    return end - 1;
  }

  /** Digits (and track-1 discretionary characters) up to and including an end sentinel. */
  private static int trackEnd(CharSequence text, int from, int limit) {
    int i = from;
    int max = Math.min(text.length(), limit);
    while (i < max && (isDigit(text.charAt(i)) || text.charAt(i) == ' ')) {
      i++;
    }
    while (i > from && text.charAt(i - 1) == ' ') {
      i--;
    }
    // A longer run of digits than a track holds is masked to its end: the digits left after a
    // cut could stand alone and be taken for a card by a second look.
    i = CardNumberFinder.digitsEnd(text, i);
    return i < text.length() && text.charAt(i) == '?' ? i + 1 : i;
  }

  private static int indexOf(CharSequence text, char wanted, int from, int maxDistance) {
    int max = Math.min(text.length(), from + maxDistance);
    for (int i = from; i < max; i++) {
      if (text.charAt(i) == wanted) {
        return i;
      }
    }
    return -1;
  }
}

package io.tabula.masking.keys;

/**
 * The time of day a log line starts with, when it starts with one in the shape Asterisk's full log
 * and the engine write ({@code [2026-12-05 23:18:56.755] ...} or {@code 2026-12-05 23:18:56.755
 * ...}), in milliseconds; -1 otherwise. Keys further apart in time than an IVR's inter-digit
 * timeout belong to different entries.
 */
final class LineTime {

  private LineTime() {}

  static long millisOfDay(CharSequence s) {
    int at = s.length() > 0 && s.charAt(0) == '[' ? 1 : 0;
    // yyyy-MM-dd HH:mm:ss[.SSS]
    if (s.length() < at + 19
        || s.charAt(at + 4) != '-'
        || s.charAt(at + 7) != '-'
        || (s.charAt(at + 10) != ' ' && s.charAt(at + 10) != 'T')
        || s.charAt(at + 13) != ':'
        || s.charAt(at + 16) != ':') {
      return -1;
    }
    int hours = twoDigits(s, at + 11);
    int minutes = twoDigits(s, at + 14);
    int seconds = twoDigits(s, at + 17);
    if (hours < 0 || minutes < 0 || seconds < 0) {
      return -1;
    }
    int millis = 0;
    if (s.length() >= at + 23 && s.charAt(at + 19) == '.') {
      int high = twoDigits(s, at + 20);
      char low = s.charAt(at + 22);
      millis = high >= 0 && Text.isDigit(low) ? high * 10 + (low - '0') : 0;
    }
    return ((hours * 60L + minutes) * 60 + seconds) * 1000 + millis;
  }

  private static int twoDigits(CharSequence s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    return Text.isDigit(a) && Text.isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
  }
}

package io.tabula.engine.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * The sound files Asterisk's SAY ALPHA plays (numbers, digits and dates: {@code AsteriskSay} in
 * call-flows).
 */
final class Sounds {

  private Sounds() {}

  static List<String> alpha(String text) {
    List<String> files = new ArrayList<>();
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      files.add(Character.isDigit(c) ? "digits/" + c : "letters/" + c);
    }
    return files;
  }
}

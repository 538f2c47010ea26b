package io.tabula.engine.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * The sound files Asterisk's English SAY NUMBER and SAY DIGITS play, e.g. 42 = digits/40, digits/2.
 */
final class Sounds {

  private Sounds() {}

  static List<String> number(long number) {
    List<String> files = new ArrayList<>();
    if (number < 0) {
      files.add("digits/minus");
      number = -number;
    }
    if (number == 0) {
      files.add("digits/0");
      return files;
    }
    addNumber(files, number);
    return files;
  }

  private static void addNumber(List<String> files, long n) {
    if (n >= 1_000_000) {
      addNumber(files, n / 1_000_000);
      files.add("digits/million");
      n %= 1_000_000;
    }
    if (n >= 1000) {
      addNumber(files, n / 1000);
      files.add("digits/thousand");
      n %= 1000;
    }
    if (n >= 100) {
      files.add("digits/" + n / 100);
      files.add("digits/hundred");
      n %= 100;
    }
    if (n >= 20) {
      files.add("digits/" + (n / 10) * 10);
      n %= 10;
    }
    if (n > 0) {
      files.add("digits/" + n);
    }
  }

  static List<String> digits(String digits) {
    List<String> files = new ArrayList<>();
    for (char c : digits.toCharArray()) {
      files.add(c == '*' ? "digits/star" : c == '#' ? "digits/pound" : "digits/" + c);
    }
    return files;
  }

  static List<String> alpha(String text) {
    List<String> files = new ArrayList<>();
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      files.add(Character.isDigit(c) ? "digits/" + c : "letters/" + c);
    }
    return files;
  }
}

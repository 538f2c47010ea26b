package io.tabula.ops.prompts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The core sound files Asterisk plays for {@code SAY NUMBER}, {@code SAY DIGITS} and {@code SAY
 * DATE}, by the English rules of its {@code say.c} ({@code ast_say_number_full_en}, {@code
 * ast_say_date_en}): 45 is {@code digits/40 digits/5}, 2026 is {@code digits/2 digits/thousand
 * digits/20 digits/6}, a date is the weekday, the month, the day and the year as numbers. The files
 * are looked up in the call's language folder, so a Spanish call plays {@code es/digits/40}; the
 * word order of other languages' own rules is not modelled here.
 */
public final class AsteriskSay {

  private AsteriskSay() {}

  public static List<String> number(long number) {
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
    if (n >= 1_000_000_000) {
      addNumber(files, n / 1_000_000_000);
      files.add("digits/billion");
      n %= 1_000_000_000;
    }
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

  /** Non-secret digits, one file each ({@code *} is {@code digits/star}, {@code #} pound). */
  public static List<String> digits(String digits) {
    List<String> files = new ArrayList<>();
    for (char c : digits.toCharArray()) {
      files.add(c == '*' ? "digits/star" : c == '#' ? "digits/pound" : "digits/" + c);
    }
    return files;
  }

  /** Weekday, month, day of the month, year: "Tuesday December 15 2026". */
  public static List<String> date(LocalDate date) {
    List<String> files = new ArrayList<>();
    files.add("digits/day-" + date.getDayOfWeek().getValue() % 7);
    files.add("digits/mon-" + (date.getMonthValue() - 1));
    files.addAll(number(date.getDayOfMonth()));
    files.addAll(number(date.getYear()));
    return files;
  }
}

package io.tabula.flows.say;

import io.tabula.flows.port.NumberGender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The core sound files Asterisk 22 plays for {@code SAY NUMBER}, {@code SAY DIGITS} and the
 * engine's {@code SAY DATETIME} of a date, in English and Spanish: the rules of Asterisk's {@code
 * main/say.c}, checked against the {@code Playing '...'} lines of the real Asterisk 22.10.1 with
 * the Debian core sounds (AsteriskSayTest holds what it logged). {@link SpokenWords} turns the
 * files into the words a caller hears, so the simulator and the softphones show exactly what
 * Asterisk says.
 *
 * <pre>{@code
 * AsteriskSay.number(45, NumberGender.NEUTRAL, "es") // [digits/40, digits/and, digits/5]
 * }</pre>
 *
 * Other languages follow the English rules here (Asterisk has rules of its own for some of them).
 */
public final class AsteriskSay {

  /** The Spanish "cien" Asterisk plays for 100, missing from Debian's Spanish core sounds. */
  public static final String SPANISH_HUNDRED = "digits/100";

  private AsteriskSay() {}

  /**
   * The format of the engine's {@code SAY DATETIME} for a date in {@code language}: English
   * "Tuesday December fifteenth two thousand twenty six"; Spanish "el martes quince de diciembre de
   * dos mil veintiséis" (Asterisk's own Spanish date, without the time).
   */
  public static String dateFormat(String language) {
    return spanish(language) ? "'digits/es-el' Ad 'digits/es-de' B 'digits/es-de' Y" : "ABdY";
  }

  /** The files of {@code SAY NUMBER n} (with a gender option where the language has one). */
  public static List<String> number(long n, NumberGender gender, String language) {
    List<String> files = new ArrayList<>();
    if (spanish(language)) {
      if (n == 0) {
        files.add("digits/0");
      } else {
        spanishNumber(files, n, gender);
      }
      return files;
    }
    if (n == 0) {
      files.add("digits/0");
      return files;
    }
    if (n < 0) {
      files.add("digits/minus");
      n = -n;
    }
    englishNumber(files, n);
    return files;
  }

  /** The files of {@code SAY DIGITS}: one per key. */
  public static List<String> digits(String digits) {
    List<String> files = new ArrayList<>();
    for (char c : digits.toCharArray()) {
      files.add(c == '*' ? "digits/star" : c == '#' ? "digits/pound" : "digits/" + c);
    }
    return files;
  }

  /** The files of {@code SAY DATETIME} of {@code date} in the format of {@link #dateFormat}. */
  public static List<String> date(LocalDate date, String language) {
    List<String> files = new ArrayList<>();
    String weekday = "digits/day-" + date.getDayOfWeek().getValue() % 7;
    String month = "digits/mon-" + (date.getMonthValue() - 1);
    if (spanish(language)) {
      files.add("digits/es-el");
      files.add(weekday);
      files.addAll(number(date.getDayOfMonth(), NumberGender.NEUTRAL, language));
      files.add("digits/es-de");
      files.add(month);
      files.add("digits/es-de");
    } else {
      files.add(weekday);
      files.add(month);
      englishOrdinal(files, date.getDayOfMonth());
    }
    files.addAll(number(date.getYear(), NumberGender.NEUTRAL, language));
    return files;
  }

  private static void englishNumber(List<String> files, long n) {
    if (n >= 1_000_000_000) {
      englishNumber(files, n / 1_000_000_000);
      files.add("digits/billion");
      n %= 1_000_000_000;
    }
    if (n >= 1_000_000) {
      englishNumber(files, n / 1_000_000);
      files.add("digits/million");
      n %= 1_000_000;
    }
    if (n >= 1000) {
      englishNumber(files, n / 1000);
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

  /** A day of the month as Asterisk's English date says it: "fifteenth", "twenty" "first". */
  private static void englishOrdinal(List<String> files, int day) {
    if (day < 20 || day % 10 == 0) {
      files.add("digits/h-" + day);
    } else {
      files.add("digits/" + (day / 10) * 10);
      files.add("digits/h-" + day % 10);
    }
  }

  /** Asterisk's Spanish numbers: "cuarenta y cinco", "ciento veinte", "dos mil veintiséis". */
  private static void spanishNumber(List<String> files, long n, NumberGender gender) {
    if (n < 0) {
      files.add("digits/minus");
      n = -n;
    }
    while (n > 0) {
      if (n == 1) {
        files.add(
            switch (gender) {
              case FEMININE -> "digits/1F";
              case MASCULINE -> "digits/1M";
              case NEUTRAL -> "digits/1";
            });
        n = 0;
      } else if (n < 31) {
        files.add("digits/" + n);
        n = 0;
      } else if (n < 100) {
        files.add("digits/" + (n / 10) * 10);
        n %= 10;
        if (n > 0) {
          files.add("digits/and");
        }
      } else if (n == 100) {
        files.add("digits/100");
        n = 0;
      } else if (n < 200) {
        files.add("digits/100-and");
        n -= 100;
      } else if (n < 1000) {
        files.add("digits/" + (n / 100) * 100);
        n %= 100;
      } else if (n < 2000) {
        files.add("digits/thousand");
        n %= 1000;
      } else if (n < 1_000_000) {
        spanishNumber(files, n / 1000, gender);
        files.add("digits/thousand");
        n %= 1000;
      } else {
        long millions = n / 1_000_000;
        spanishNumber(files, millions, millions == 1 ? NumberGender.MASCULINE : gender);
        files.add(millions == 1 ? "digits/million" : "digits/millions");
        n %= 1_000_000;
      }
    }
  }

  static boolean spanish(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    return lower.equals("es") || lower.startsWith("es_") || lower.startsWith("es-");
  }
}

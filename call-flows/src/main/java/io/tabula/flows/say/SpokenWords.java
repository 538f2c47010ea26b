package io.tabula.flows.say;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of Asterisk's core sound files, as the Debian packages {@code
 * asterisk-core-sounds-en-gsm} and {@code -es-gsm} say them (their {@code core-sounds-*.txt},
 * accents restored): what the simulator, the demo and {@code tabula call} show for {@code SAY
 * NUMBER}, {@code SAY DIGITS} and dates.
 *
 * <pre>{@code
 * SpokenWords.of(AsteriskSay.number(45, NumberGender.NEUTRAL, "en"), "en") // "forty-five"
 * SpokenWords.of(AsteriskSay.number(45, NumberGender.NEUTRAL, "es"), "es") // "cuarenta y cinco"
 * }</pre>
 *
 * A file it does not know shows as its name in brackets, so a gap is visible, never silent.
 */
public final class SpokenWords {

  private static final Map<String, String> ENGLISH = english();
  private static final Map<String, String> SPANISH = spanish();

  private SpokenWords() {}

  /** The words of {@code files} played in order on a call in {@code language}. */
  public static String of(List<String> files, String language) {
    Map<String, String> words = AsteriskSay.spanish(language) ? SPANISH : ENGLISH;
    StringBuilder text = new StringBuilder();
    String previous = "";
    for (String file : files) {
      String word = words.getOrDefault(file, "[" + file + "]");
      if (!text.isEmpty()) {
        // Written English joins a tens word and its unit: forty-five, twenty-first.
        text.append(words == ENGLISH && isTens(previous) && isUnit(file) ? "-" : " ");
      }
      text.append(word);
      previous = file;
    }
    return text.toString();
  }

  private static boolean isTens(String file) {
    return file.matches("digits/[2-9]0");
  }

  private static boolean isUnit(String file) {
    return file.matches("digits/(h-)?[1-9]");
  }

  private static Map<String, String> english() {
    Map<String, String> words = new HashMap<>();
    String[] small = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    String[] ordinal = {
      "",
      "first",
      "second",
      "third",
      "fourth",
      "fifth",
      "sixth",
      "seventh",
      "eighth",
      "ninth",
      "tenth",
      "eleventh",
      "twelfth",
      "thirteenth",
      "fourteenth",
      "fifteenth",
      "sixteenth",
      "seventeenth",
      "eighteenth",
      "nineteenth"
    };
    for (int i = 0; i < small.length; i++) {
      words.put("digits/" + i, small[i]);
      if (i > 0) {
        words.put("digits/h-" + i, ordinal[i]);
      }
    }
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      words.put("digits/" + (i + 2) * 10, tens[i]);
      words.put("digits/h-" + (i + 2) * 10, tens[i].replace("y", "ieth"));
    }
    words.put("digits/hundred", "hundred");
    words.put("digits/thousand", "thousand");
    words.put("digits/million", "million");
    words.put("digits/billion", "billion");
    words.put("digits/minus", "minus");
    words.put("digits/star", "star");
    words.put("digits/pound", "pound");
    calendar(
        words,
        new String[] {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
        new String[] {
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December"
        });
    return Map.copyOf(words);
  }

  private static Map<String, String> spanish() {
    Map<String, String> words = new HashMap<>();
    String[] small = {
      "cero",
      "uno",
      "dos",
      "tres",
      "cuatro",
      "cinco",
      "seis",
      "siete",
      "ocho",
      "nueve",
      "diez",
      "once",
      "doce",
      "trece",
      "catorce",
      "quince",
      "dieciséis",
      "diecisiete",
      "dieciocho",
      "diecinueve",
      "veinte",
      "veintiuno",
      "veintidós",
      "veintitrés",
      "veinticuatro",
      "veinticinco",
      "veintiséis",
      "veintisiete",
      "veintiocho",
      "veintinueve",
      "treinta"
    };
    for (int i = 0; i < small.length; i++) {
      words.put("digits/" + i, small[i]);
    }
    words.put("digits/1M", "un");
    words.put("digits/1F", "una");
    String[] tens = {"cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"};
    for (int i = 0; i < tens.length; i++) {
      words.put("digits/" + (i + 4) * 10, tens[i]);
    }
    words.put("digits/100", "cien");
    words.put("digits/100-and", "ciento");
    String[] hundreds = {
      "doscientos",
      "trescientos",
      "cuatrocientos",
      "quinientos",
      "seiscientos",
      "setecientos",
      "ochocientos",
      "novecientos"
    };
    for (int i = 0; i < hundreds.length; i++) {
      words.put("digits/" + (i + 2) * 100, hundreds[i]);
    }
    words.put("digits/and", "y");
    words.put("digits/thousand", "mil");
    words.put("digits/million", "millón");
    words.put("digits/millions", "millones");
    words.put("digits/minus", "menos");
    words.put("digits/star", "asterisco");
    words.put("digits/pound", "tecla de número");
    words.put("digits/es-el", "el");
    words.put("digits/es-de", "de");
    calendar(
        words,
        new String[] {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
        new String[] {
          "enero",
          "febrero",
          "marzo",
          "abril",
          "mayo",
          "junio",
          "julio",
          "agosto",
          "septiembre",
          "octubre",
          "noviembre",
          "diciembre"
        });
    return Map.copyOf(words);
  }

  private static void calendar(Map<String, String> words, String[] days, String[] months) {
    for (int i = 0; i < days.length; i++) {
      words.put("digits/day-" + i, days[i]);
    }
    for (int i = 0; i < months.length; i++) {
      words.put("digits/mon-" + i, months[i]);
    }
  }
}

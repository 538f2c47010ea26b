package io.tabula.flows.run;

import io.tabula.flows.port.NumberGender;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words an amount is said with, besides the numbers Asterisk says: the currency's units
 * (singular for one) and the word between them, per language. "45 dollars and 20 cents", "1 dollar
 * and 1 cent"; in Spanish "45 dólares con 20 centavos", "un dólar con un centavo" (Asterisk's
 * {@code SAY NUMBER 1 "" m} says "un").
 *
 * <p>Each unit is a prompt of its own, rendered with the flow's prompts: {@code
 * currency-usd-major}, {@code currency-usd-major-one}, {@code currency-usd-minor}, {@code
 * currency-usd-minor-one} and {@code and}. Languages other than English and Spanish use the English
 * words until they are added here.
 */
public final class BuiltInWords {

  /**
   * The prompt id of Spanish "cien": Asterisk's Spanish {@code SAY NUMBER 100} plays {@code
   * digits/100}, which Debian's {@code asterisk-core-sounds-es} lacks (checked on Asterisk 22.10.1:
   * "File digits/100 does not exist in any format", and the caller hears nothing). The engine says
   * such a number file by file with this prompt in its place.
   */
  public static final String CIEN = "number-100";

  /** The prompt id of the word between the major and the minor units. */
  public static final String AND = "and";

  private BuiltInWords() {}

  /** The prompt id of a unit: {@code currency-usd-major}, {@code currency-usd-minor-one}. */
  public static String unitId(Currency currency, boolean major, boolean one) {
    return "currency-"
        + currency.getCurrencyCode().toLowerCase(Locale.ROOT)
        + (major ? "-major" : "-minor")
        + (one ? "-one" : "");
  }

  /**
   * Every unit prompt an amount in {@code currency} may play, with its words in {@code language}.
   */
  static Map<String, String> unitPrompts(Currency currency, String language) {
    Map<String, String> prompts = new LinkedHashMap<>();
    for (boolean major : new boolean[] {true, false}) {
      for (boolean one : new boolean[] {false, true}) {
        prompts.put(unitId(currency, major, one), unit(currency, language, major, one));
      }
    }
    prompts.put(AND, and(language));
    return prompts;
  }

  /** The words of a unit: "dollars", "dollar", "cents", "centavo". */
  public static String unit(Currency currency, String language, boolean major, boolean one) {
    String code = currency.getCurrencyCode();
    if (spanish(language)) {
      return major ? spanishMajor(code, one) : spanishMinor(code, one);
    }
    if (major) {
      return switch (code) {
        case "USD", "CAD", "AUD", "NZD" -> one ? "dollar" : "dollars";
        case "EUR" -> one ? "euro" : "euros";
        case "GBP" -> one ? "pound" : "pounds";
        case "MXN" -> one ? "peso" : "pesos";
        default -> currency.getDisplayName(Locale.ENGLISH);
      };
    }
    if (code.equals("GBP")) {
      return one ? "penny" : "pence";
    }
    return one ? "cent" : "cents";
  }

  private static String spanishMajor(String code, boolean one) {
    return switch (code) {
      case "EUR" -> one ? "euro" : "euros";
      case "GBP" -> one ? "libra" : "libras";
      case "MXN" -> one ? "peso" : "pesos";
      default -> one ? "dólar" : "dólares";
    };
  }

  private static String spanishMinor(String code, boolean one) {
    return switch (code) {
      case "EUR" -> one ? "céntimo" : "céntimos";
      case "GBP" -> one ? "penique" : "peniques";
      default -> one ? "centavo" : "centavos";
    };
  }

  /** The word between the units: "and"; in Spanish "con" (cuarenta dólares con veinte centavos). */
  public static String and(String language) {
    return spanish(language) ? "con" : "and";
  }

  /** The gender a number before a unit takes: "una libra", "un dólar". */
  public static NumberGender gender(Currency currency, String language, boolean major) {
    if (!spanish(language)) {
      return NumberGender.NEUTRAL;
    }
    return major && currency.getCurrencyCode().equals("GBP")
        ? NumberGender.FEMININE
        : NumberGender.MASCULINE;
  }

  /** The built-in apology of a flow without an {@code on_error} prompt, in {@code language}. */
  public static String sorry(String language) {
    return spanish(language)
        ? "Lo sentimos, algo salió mal. Le comunico con alguien que le pueda ayudar."
        : "Sorry, something went wrong. Let me connect you to someone who can help.";
  }

  static boolean spanish(String language) {
    return language.equals("es") || language.startsWith("es_");
  }
}

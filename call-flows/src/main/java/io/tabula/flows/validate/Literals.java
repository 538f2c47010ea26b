package io.tabula.flows.validate;

import io.tabula.flows.connect.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Which literals in a flow file fit which value types. */
public final class Literals {

  private Literals() {}

  public static boolean fits(String literal, ValueType type) {
    return switch (type) {
      case MONEY, NUMBER -> isNumber(literal);
      case DATE -> isDate(literal);
      case DIGITS -> literal.chars().allMatch(Character::isDigit);
      case FLAG -> literal.equals("true") || literal.equals("false");
      case TEXT -> true;
    };
  }

  static String example(ValueType type) {
    return switch (type) {
      case MONEY, NUMBER -> "a number such as 0 or 12.50";
      case DATE -> "a date such as 2026-12-31";
      case DIGITS -> "digits such as 1234";
      case FLAG -> "true or false";
      case TEXT -> "any text";
    };
  }

  private static boolean isNumber(String literal) {
    try {
      new BigDecimal(literal);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDate(String literal) {
    try {
      LocalDate.parse(literal);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}

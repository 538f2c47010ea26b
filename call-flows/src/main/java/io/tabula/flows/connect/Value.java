package io.tabula.flows.connect;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-secret value a connector returns or a flow sets: never card data, never a PIN. Values may
 * be spoken, branched on and logged.
 *
 * <pre>{@code
 * Value balance = new Value.Money(new BigDecimal("45.00"), Currency.getInstance("USD"));
 * }</pre>
 */
public sealed interface Value {

  ValueType type();

  /** An amount of money; the scale is the currency's minor units when it came from a ledger. */
  record Money(BigDecimal amount, Currency currency) implements Value {
    public Money {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
    }

    @Override
    public ValueType type() {
      return ValueType.MONEY;
    }

    @Override
    public String toString() {
      return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
  }

  /** A calendar date, e.g. a due date. */
  record Date(java.time.LocalDate date) implements Value {
    public Date {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public ValueType type() {
      return ValueType.DATE;
    }

    @Override
    public String toString() {
      return date.toString();
    }
  }

  /** Text; {@code digits} marks caller-keyed non-secret digits (type {@link ValueType#DIGITS}). */
  record Text(String text, boolean digits) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    public Text(String text) {
      this(text, false);
    }

    @Override
    public ValueType type() {
      return digits ? ValueType.DIGITS : ValueType.TEXT;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A number. */
  record Number(BigDecimal number) implements Value {
    public Number {
      Objects.requireNonNull(number, "number");
    }

    public static Number of(long value) {
      return new Number(BigDecimal.valueOf(value));
    }

    @Override
    public ValueType type() {
      return ValueType.NUMBER;
    }

    @Override
    public String toString() {
      return number.toPlainString();
    }
  }

  /** Yes or no. */
  record Flag(boolean value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.FLAG;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }
}

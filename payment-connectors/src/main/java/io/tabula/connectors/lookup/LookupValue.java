package io.tabula.connectors.lookup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/** A typed value read from a tenant's database, ready for a flow to speak. */
public sealed interface LookupValue {

  /** An amount of money: never a double, always with its currency. */
  record Money(BigDecimal amount, Currency currency) implements LookupValue {
    public Money {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
    }
  }

  /** A calendar date, such as a due date. */
  record Date(LocalDate date) implements LookupValue {
    public Date {
      Objects.requireNonNull(date, "date");
    }
  }

  /** Text the flow may speak, such as an account holder's name or a ticket's status. */
  record Text(String text) implements LookupValue {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }
}

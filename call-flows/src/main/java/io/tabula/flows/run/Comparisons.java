package io.tabula.flows.run;

import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Condition;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Evaluates one branch condition on a non-secret value. */
final class Comparisons {

  private Comparisons() {}

  static boolean holds(Value value, Condition.Op op, String literal) {
    int order = compare(value, literal);
    return switch (op) {
      case EQUALS -> order == 0;
      case NOT_EQUALS -> order != 0;
      case GREATER_THAN -> order > 0;
      case LESS_THAN -> order < 0;
    };
  }

  private static int compare(Value value, String literal) {
    return switch (value) {
      case Value.Money m -> m.amount().compareTo(new BigDecimal(literal));
      case Value.Number n -> n.number().compareTo(new BigDecimal(literal));
      case Value.Date d -> d.date().compareTo(LocalDate.parse(literal));
      case Value.Flag f -> Boolean.compare(f.value(), Boolean.parseBoolean(literal));
      case Value.Text t -> t.text().compareTo(literal);
    };
  }
}

package io.tabula.flows.validate;

import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.TypedName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every name a flow declares: collected fields (with their kind and secrecy), lookup outputs, set
 * values and the {@code payment.*} values a pay step provides.
 */
final class Symbols {

  /** The values a pay step provides, by outcome. */
  static final Map<String, ValueType> PAYMENT_APPROVED =
      Map.of(
          "payment.auth_code", ValueType.DIGITS,
          "payment.reference", ValueType.TEXT,
          "payment.brand", ValueType.TEXT,
          "payment.last_four", ValueType.DIGITS);

  static final Map<String, ValueType> PAYMENT_DECLINED =
      Map.of("payment.decline_reason", ValueType.TEXT);

  /** An eight-digit code the caller can read to an agent; the log pairs it with the key. */
  static final Map<String, ValueType> PAYMENT_UNKNOWN =
      Map.of("payment.check_code", ValueType.DIGITS);

  /** A collected field. */
  record Field(String name, FieldKind kind, boolean secure, int maxDigits) {}

  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final Map<String, ValueType> values = new LinkedHashMap<>();

  Symbols(Flow flow, List<io.tabula.flows.model.Diagnostic> problems) {
    values.putAll(PAYMENT_APPROVED);
    values.putAll(PAYMENT_DECLINED);
    values.putAll(PAYMENT_UNKNOWN);
    for (Step step : flow.steps().values()) {
      switch (step) {
        case Step.Collect c -> declareField(c, problems);
        case Step.Lookup l -> l.outputs().values().forEach(o -> declareValue(o, problems));
        case Step.Set s -> declareValue(s.name(), problems);
        default -> {}
      }
    }
  }

  private void declareField(Step.Collect collect, List<io.tabula.flows.model.Diagnostic> problems) {
    Field field = new Field(collect.field(), collect.kind(), collect.secure(), collect.maxDigits());
    Field earlier = fields.putIfAbsent(collect.field(), field);
    if (earlier != null
        && earlier.kind() == field.kind()
        && earlier.secure() == field.secure()
        && earlier.maxDigits() != field.maxDigits()) {
      problems.add(
          new io.tabula.flows.model.Diagnostic(
              collect.pos(),
              "field '"
                  + collect.field()
                  + "' holds up to "
                  + field.maxDigits()
                  + " digits here but "
                  + earlier.maxDigits()
                  + " elsewhere",
              "give every collect of '" + collect.field() + "' the same max_digits"));
    } else if (earlier != null && !earlier.equals(field)) {
      problems.add(
          new io.tabula.flows.model.Diagnostic(
              collect.pos(),
              "field '"
                  + collect.field()
                  + "' is collected as "
                  + describe(field)
                  + " here but as "
                  + describe(earlier)
                  + " elsewhere",
              "use one kind for a field, or give this field its own name"));
    }
  }

  private static String describe(Field field) {
    return field.kind.spelling() + (field.secure ? " (secure)" : "");
  }

  private void declareValue(TypedName name, List<io.tabula.flows.model.Diagnostic> problems) {
    ValueType earlier = values.putIfAbsent(name.name(), name.type());
    if (earlier != null && earlier != name.type()) {
      problems.add(
          new io.tabula.flows.model.Diagnostic(
              name.pos(),
              "type error: '"
                  + name.name()
                  + "' is "
                  + name.type().spelling()
                  + " here but "
                  + earlier.spelling()
                  + " elsewhere",
              "give both the same type, or use another name"));
    }
    if (fields.containsKey(name.name())) {
      problems.add(
          new io.tabula.flows.model.Diagnostic(
              name.pos(),
              "'" + name.name() + "' is already a collected field",
              "give the value another name"));
    }
  }

  Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  Optional<ValueType> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.TreeSet<>(fields.keySet());
    names.addAll(values.keySet());
    return names;
  }
}

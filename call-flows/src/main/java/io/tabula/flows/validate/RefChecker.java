package io.tabula.flows.validate;

import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Ref;
import io.tabula.flows.parse.Suggest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a value reference at one place in a flow: does it exist, does it exist yet on every
 * path, is it a secure field used where secrets may not go, and what type it has.
 */
final class RefChecker {

  /** Where a reference is used; secure fields are allowed only as lookup inputs and card data. */
  enum Use {
    SPOKEN("spoken"),
    BRANCHED_ON("branched on"),
    LOOKUP_INPUT("a lookup input"),
    METADATA("payment metadata"),
    COPIED("copied"),
    CARD_DATA("card data");

    final String words;

    Use(String words) {
      this.words = words;
    }
  }

  private final Symbols symbols;
  private final List<Diagnostic> problems;

  RefChecker(Symbols symbols, List<Diagnostic> problems) {
    this.symbols = symbols;
    this.problems = problems;
  }

  /** The type of a non-secret value, or empty (after reporting) when it cannot be used so. */
  Optional<ValueType> value(Ref ref, Use use, Set<String> defined) {
    Optional<Symbols.Field> field = symbols.field(ref.name());
    if (field.isPresent()) {
      return fieldValue(ref, field.get(), use, defined);
    }
    Optional<ValueType> type = symbols.value(ref.spelled());
    if (type.isEmpty()) {
      problems.add(
          new Diagnostic(
              ref.pos(),
              "'"
                  + ref.spelled()
                  + "' is not a value of this flow"
                  + Suggest.hint(ref.spelled(), symbols.names()),
              "collect it, look it up, or set it before using it"));
      return Optional.empty();
    }
    requireDefined(ref, ref.spelled(), defined);
    return type;
  }

  /** A secure field of the given kind, for a pay step's card data. */
  void cardData(Ref ref, FieldKind kind, Set<String> defined) {
    Optional<Symbols.Field> field = symbols.field(ref.name());
    if (field.isEmpty() || !ref.attribute().isEmpty() || field.get().kind() != kind) {
      problems.add(
          new Diagnostic(
              ref.pos(),
              "type error: '"
                  + ref.spelled()
                  + "' is not a collected "
                  + kind.spelling()
                  + " field",
              "name a field collected with kind: " + kind.spelling()));
      return;
    }
    requireDefined(ref, ref.name(), defined);
  }

  /** Any collected field (secure or not) as a lookup input, or a non-secret value. */
  void lookupInput(Ref ref, Set<String> defined) {
    if (symbols.field(ref.name()).isPresent() && ref.attribute().isEmpty()) {
      requireDefined(ref, ref.name(), defined);
      return;
    }
    value(ref, Use.LOOKUP_INPUT, defined);
  }

  private Optional<ValueType> fieldValue(
      Ref ref, Symbols.Field field, Use use, Set<String> defined) {
    if (ref.attribute().isEmpty()) {
      if (field.secure()) {
        problems.add(
            new Diagnostic(
                ref.pos(),
                "secure field '" + ref.name() + "' cannot be " + use.words,
                field.kind() == FieldKind.CARD
                    ? "use "
                        + ref.name()
                        + ".last_four, "
                        + ref.name()
                        + ".brand or "
                        + ref.name()
                        + ".valid"
                    : "use " + ref.name() + ".valid"));
        return Optional.empty();
      }
      requireDefined(ref, ref.name(), defined);
      return Optional.of(ValueType.DIGITS);
    }
    Optional<ValueType> type = attribute(field, ref.attribute());
    if (type.isEmpty()) {
      problems.add(
          new Diagnostic(
              ref.pos(),
              "'"
                  + ref.spelled()
                  + "' is not something a "
                  + field.kind().spelling()
                  + " field offers",
              field.kind() == FieldKind.CARD
                  ? "use last_four, brand or valid"
                  : field.secure() ? "use valid" : "use the field's name alone"));
      return Optional.empty();
    }
    requireDefined(ref, ref.name(), defined);
    return type;
  }

  private static Optional<ValueType> attribute(Symbols.Field field, String attribute) {
    if (field.secure() && attribute.equals("valid")) {
      return Optional.of(ValueType.FLAG);
    }
    if (field.kind() == FieldKind.CARD && attribute.equals("last_four")) {
      return Optional.of(ValueType.DIGITS);
    }
    if (field.kind() == FieldKind.CARD && attribute.equals("brand")) {
      return Optional.of(ValueType.TEXT);
    }
    return Optional.empty();
  }

  private void requireDefined(Ref ref, String name, Set<String> defined) {
    if (!defined.contains(name)) {
      problems.add(
          new Diagnostic(
              ref.pos(),
              "'" + ref.spelled() + "' is used before it exists on every path to this step",
              "make sure every path here first collects, looks up or sets '" + name + "'"));
    }
  }
}

package io.tabula.flows.run;

import io.tabula.flows.connect.Value;
import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Ref;
import io.tabula.flows.model.Step;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.SecretField;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one call: non-secret values on the heap, collected fields in the call's memory. A
 * secure field is never turned into a value; only its last four, brand and validity are.
 */
final class CallValues {

  /**
   * The values by name, as name, value, name, value...: made at the first value and grown as
   * needed. Most calls keep none or a few, so a scan is as quick as a hash and a call in progress
   * keeps one small array rather than a map, its table and a node per value.
   */
  private Object[] values;

  private int count;

  private final Map<String, Step.Collect> fieldSteps;
  private final CallMemory memory;

  CallValues(SharedFlow flow, CallMemory memory) {
    this.memory = memory;
    this.fieldSteps = flow.fieldSteps();
  }

  void put(String name, Value value) {
    int at = indexOf(name);
    if (at >= 0) {
      values[at + 1] = value;
      return;
    }
    if (values == null) {
      values = new Object[4];
    } else if (count * 2 == values.length) {
      values = java.util.Arrays.copyOf(values, values.length * 2);
    }
    values[count * 2] = name;
    values[count * 2 + 1] = value;
    count++;
  }

  void remove(String name) {
    int at = indexOf(name);
    if (at < 0) {
      return;
    }
    count--;
    values[at] = values[count * 2];
    values[at + 1] = values[count * 2 + 1];
    values[count * 2] = null;
    values[count * 2 + 1] = null;
  }

  /** The value named {@code name}, or null. */
  private Value get(String name) {
    int at = indexOf(name);
    return at < 0 ? null : (Value) values[at + 1];
  }

  private int indexOf(String name) {
    for (int i = 0; i < count * 2; i += 2) {
      if (java.util.Objects.equals(name, values[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The field a collect step writes, created with room for the step's digits. */
  SecretField fieldFor(Step.Collect collect) {
    return memory.field(collect.field(), collect.maxDigits());
  }

  /** A collected field that must exist now. */
  SecretField field(Ref ref) {
    Optional<SecretField> field = memory.find(ref.name());
    if (field.isEmpty() || field.get().isEmpty()) {
      throw new FlowFailure("field '" + ref.name() + "' holds no digits");
    }
    return field.get();
  }

  boolean isField(String name) {
    return fieldSteps.containsKey(name);
  }

  /** The value a reference names; secure fields answer only last_four, brand and valid. */
  Value resolve(Ref ref) {
    Step.Collect collect = fieldSteps.get(ref.name());
    if (collect != null) {
      return fieldValue(ref, collect);
    }
    Value value = get(ref.spelled());
    if (value == null) {
      throw new FlowFailure("value '" + ref.spelled() + "' does not exist yet");
    }
    return value;
  }

  private Value fieldValue(Ref ref, Step.Collect collect) {
    SecretField field = field(ref);
    switch (ref.attribute()) {
      case "" -> {
        if (collect.secure()) {
          throw new FlowFailure("secure field '" + ref.name() + "' cannot be used as a value");
        }
        return new Value.Text(field.read(CallValues::nonSecretDigits), true);
      }
      case "last_four" -> {
        return new Value.Text(field.lastFour(), true);
      }
      case "brand" -> {
        return new Value.Text(field.brand().displayName());
      }
      case "valid" -> {
        return new Value.Flag(valid(field, collect.kind()));
      }
      default -> throw new FlowFailure("'" + ref.spelled() + "' is not available");
    }
  }

  private static boolean valid(SecretField field, FieldKind kind) {
    if (kind != FieldKind.CARD) {
      return !field.isEmpty();
    }
    CardBrand brand = field.brand();
    return field.luhnValid()
        && brand != CardBrand.UNKNOWN
        && brand.acceptsPanLength(field.length());
  }

  /** Digits of a non-secure field (a ticket or account number), which may become text. */
  private static String nonSecretDigits(io.tabula.masking.memory.SecretDigits digits) {
    char[] chars = new char[digits.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) digits.digitAt(i);
    }
    return new String(chars);
  }

  /** Zeroes every field the flow defined, when the call is still live (defence in depth). */
  void wipeFields() {
    if (memory.isReleased()) {
      return;
    }
    try {
      memory.fields().forEach(SecretField::clear);
    } catch (io.tabula.masking.memory.StaleCallMemoryException e) {
      // Released by the engine between the check and the clear: already zero.
    }
  }

  static ValueType typeOf(Value value) {
    return value.type();
  }
}

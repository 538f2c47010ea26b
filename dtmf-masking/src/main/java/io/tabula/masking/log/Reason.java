package io.tabula.masking.log;

/**
 * Why a finding is one, for {@code audit logs --explain}: the rule that matched, the field the
 * value stood in, the card brand, and the shape the digits were written in. None of it holds the
 * secret: {@link #field()} has its digits starred.
 *
 * @param rule what matched, e.g. "16 digits in Visa's IIN range, Luhn check digit valid"
 * @param field the key before the value ({@code pan} in {@code pan=...}), or empty
 * @param brand the card brand, or empty
 * @param shape how the digits were written when not plainly, e.g. "an array", or empty
 */
public record Reason(String rule, String field, String brand, String shape) {

  /** No explanation recorded (findings made by callers outside the scanner). */
  public static final Reason NONE = new Reason("", "", "", "");

  public Reason {
    field = FieldNames.starDigits(field);
  }

  static Reason of(String rule) {
    return new Reason(rule, "", "", "");
  }

  Reason withField(String name) {
    return new Reason(rule, name == null ? "" : name, brand, shape);
  }

  Reason withShape(String how) {
    return new Reason(rule, field, brand, how);
  }

  /** One line for people: {@code rule=...; field=pan; brand=Visa; shape=an array}. */
  public String describe() {
    StringBuilder text = new StringBuilder("rule: ").append(rule);
    if (!field.isEmpty()) {
      text.append("; field: ").append(field);
    }
    if (!brand.isEmpty()) {
      text.append("; brand: ").append(brand);
    }
    if (!shape.isEmpty()) {
      text.append("; written as ").append(shape);
    }
    return text.toString();
  }
}

package io.tabula.flows.model;

/**
 * A reference to a value in a flow, such as {@code balance}, {@code ticket}, {@code
 * payment.auth_code}, or one of the three things a secure field offers: {@code card.last_four},
 * {@code card.brand}, {@code card.valid}.
 *
 * @param name the value or field name before the first dot
 * @param attribute the part after the dot, or empty
 * @param pos where the reference is written
 */
public record Ref(String name, String attribute, SourcePos pos) {

  /** Parses {@code name} or {@code name.attribute}. */
  public static Ref parse(String text, SourcePos pos) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new Ref(text, "", pos)
        : new Ref(text.substring(0, dot), text.substring(dot + 1), pos);
  }

  /** The name as written, e.g. {@code card.last_four}. */
  public String spelled() {
    return attribute.isEmpty() ? name : name + "." + attribute;
  }

  @Override
  public String toString() {
    return spelled();
  }
}

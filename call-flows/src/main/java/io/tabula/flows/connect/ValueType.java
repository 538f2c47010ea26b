package io.tabula.flows.connect;

/**
 * The types of non-secret values a flow works with; the validator checks every use against them.
 */
public enum ValueType {
  /** An amount with its currency ({@link Value.Money}). */
  MONEY,
  /** A calendar date ({@link Value.Date}). */
  DATE,
  /** Free text such as a name to greet or a decline reason ({@link Value.Text}). */
  TEXT,
  /** A number ({@link Value.Number}). */
  NUMBER,
  /** Non-secret digits keyed by the caller, such as a ticket number, kept as text. */
  DIGITS,
  /** Yes or no, such as whether a card number is valid ({@link Value.Flag}). */
  FLAG;

  /** The spelling used in flow files and messages, e.g. {@code money}. */
  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

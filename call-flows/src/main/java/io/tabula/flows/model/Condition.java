package io.tabula.flows.model;

/**
 * One case of a {@code branch}: compare a value with a literal.
 *
 * @param ref the value compared
 * @param op the comparison
 * @param literal the literal as written (a number, text, {@code true}/{@code false})
 * @param next the step taken when the comparison holds
 */
public record Condition(Ref ref, Op op, String literal, Target next, SourcePos pos) {

  /** Comparisons; the ordering ones need numbers, money or dates. */
  public enum Op {
    EQUALS,
    NOT_EQUALS,
    GREATER_THAN,
    LESS_THAN;

    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean ordering() {
      return this == GREATER_THAN || this == LESS_THAN;
    }
  }
}

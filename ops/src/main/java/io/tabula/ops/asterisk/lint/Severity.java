package io.tabula.ops.asterisk.lint;

/**
 * How bad a finding is. Both count as findings (exit code 1): an error leaks caller keys or breaks
 * the engine today; a warning is a setting that does so as soon as something else changes.
 */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

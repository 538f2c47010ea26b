package io.tabula.flows.model;

import java.util.Objects;

/**
 * One finding in a flow file: where, what is wrong, and how to fix it. Printed like a compiler:
 *
 * <pre>{@code
 * flows/city/parking-ticket.yaml:14:11: error: step 'ask-tiket' does not exist; fix: use one of
 * the steps under 'steps' (did you mean 'ask-ticket'?)
 * }</pre>
 *
 * <p>An error keeps a flow from compiling; a warning is printed and the flow still goes live.
 */
public record Diagnostic(SourcePos pos, String message, String fix, Severity severity) {

  /** Whether the finding stops the flow. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
  }

  /** An error. */
  public Diagnostic(SourcePos pos, String message, String fix) {
    this(pos, message, fix, Severity.ERROR);
  }

  /** A warning: printed, but the flow still compiles. */
  public static Diagnostic warning(SourcePos pos, String message, String fix) {
    return new Diagnostic(pos, message, fix, Severity.WARNING);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The compiler-style line: {@code file:line:col: error: message; fix: fix}. */
  public String render() {
    return pos + (isError() ? ": error: " : ": warning: ") + message + "; fix: " + fix;
  }

  @Override
  public String toString() {
    return render();
  }
}

package io.tabula.flows.model;

/**
 * One problem in a flow file: where, what is wrong, and how to fix it. Printed like a compiler:
 *
 * <pre>{@code
 * flows/city/parking-ticket.yaml:14:11: error: step 'ask-tiket' does not exist; fix: use one of
 * the steps under 'steps' (did you mean 'ask-ticket'?)
 * }</pre>
 */
public record Diagnostic(SourcePos pos, String message, String fix) {

  /** The compiler-style line: {@code file:line:col: error: message; fix: fix}. */
  public String render() {
    return pos + ": error: " + message + "; fix: " + fix;
  }

  @Override
  public String toString() {
    return render();
  }
}

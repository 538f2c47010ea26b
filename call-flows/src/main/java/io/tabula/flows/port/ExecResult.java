package io.tabula.flows.port;

/**
 * The result of a dialplan application run with {@code EXEC}: Asterisk's {@code result=} value.
 * {@code -2} means the application does not exist.
 */
public record ExecResult(int result) {

  public boolean applicationMissing() {
    return result == -2;
  }
}

package io.tabula.engine.server;

/** The engine could not start; the message names the address and what to change. */
public final class EngineStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

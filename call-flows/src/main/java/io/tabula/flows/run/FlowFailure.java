package io.tabula.flows.run;

/**
 * Something in the flow could not go on (a field the flow needs is missing, a connector returned a
 * value of the wrong type). The message names steps and values, never their contents.
 */
public final class FlowFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FlowFailure(String message) {
    super(message, null, false, false);
  }
}

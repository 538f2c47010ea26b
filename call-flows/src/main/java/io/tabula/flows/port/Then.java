package io.tabula.flows.port;

/**
 * Where the answer to one {@link CallSteps} operation goes. Exactly one of the two methods runs,
 * once, on the call's own executor (the event loop of its connection in the engine), never while
 * another operation of the same call is still running its continuation.
 *
 * @param <T> what the operation answers
 */
public interface Then<T> {

  /** The operation succeeded with {@code value} (null for operations that answer nothing). */
  void done(T value);

  /**
   * The operation failed: a {@link CallEndedException} once the call is gone, a {@link
   * CallPortException} when a command failed, or any exception the blocking work threw.
   */
  void failed(RuntimeException failure);
}

package io.tabula.masking.memory;

/**
 * A {@link CallMemory} or one of its fields was used after the call's memory was released (the call
 * ended, was transferred, or the pool closed). The bytes were already zeroed; the handle can never
 * be used again. Fix the code that kept the handle past the end of its call.
 */
public final class StaleCallMemoryException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  StaleCallMemoryException(String what) {
    super(
        what
            + " was used after its call memory was released; a handle is valid only until its call"
            + " ends");
  }
}

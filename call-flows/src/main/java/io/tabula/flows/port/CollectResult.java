package io.tabula.flows.port;

/**
 * How a collect ended. The digits themselves are in the field that was passed in.
 *
 * @param status why the collect stopped
 * @param digits how many digits the field received
 */
public record CollectResult(Status status, int digits) {

  /** Why a collect stopped. */
  public enum Status {
    /** {@link CollectOptions#maxDigits()} digits arrived. */
    COMPLETE,
    /** The caller pressed {@code #}, which is not stored. */
    TERMINATED,
    /** A timeout expired, possibly after some digits. */
    TIMEOUT
  }
}

package io.tabula.engine.agi;

/**
 * A decoded reply to one command. Variants never hold a secure collect's digits: {@link
 * SecureInput} says only how many digits went into the field and why input stopped.
 */
public sealed interface AgiReply {

  /**
   * {@code 200 result=<n>[ (data)][ endpos=<n>]}.
   *
   * @param result the numeric result, or 0 when {@code numeric} is false
   * @param numeric whether the result was a (possibly negative) decimal number
   * @param data the text between the first {@code (} and the last {@code )}, or null when absent
   * @param endpos the {@code endpos=} sample offset, or -1 when absent
   */
  record Success(long result, boolean numeric, String data, long endpos) implements AgiReply {}

  /**
   * The reply to a secure collect.
   *
   * @param digits how many digits this reply appended to the field
   * @param ending why input stopped
   */
  record SecureInput(int digits, Ending ending) implements AgiReply {}

  /** {@code 510 Invalid or unknown command}. */
  record InvalidCommand() implements AgiReply {}

  /** {@code 511 Command Not Permitted on a dead channel or intercept routine}. */
  record DeadChannel() implements AgiReply {}

  /** The {@code 520-} usage block through its {@code 520 } line. */
  record UsageError(int usageLines) implements AgiReply {}

  /** Why a secure reply's input stopped. */
  enum Ending {
    /** The value ended without a timeout mark: max digits or {@code #} (GET DATA), one key. */
    INPUT_ENDED,
    /** {@code (timeout)} after the value (GET DATA). */
    TIMEOUT,
    /** A key that is not a digit ({@code #}, {@code *}, {@code A-D}) ended input. */
    KEY_TERMINATED,
    /** {@code result=0}: no key was pressed (WAIT FOR DIGIT, STREAM FILE). */
    NO_KEY,
    /**
     * {@code result=-1}: hangup, redirect or failure; only a HANGUP line or 511 proves a hangup.
     */
    FAILED
  }
}

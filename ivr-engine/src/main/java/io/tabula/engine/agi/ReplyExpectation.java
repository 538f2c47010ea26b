package io.tabula.engine.agi;

import io.tabula.masking.memory.SecretField;

/**
 * How the decoder must read the reply to the command in flight. Secure expectations route the
 * digits of the {@code result=} value from the inbound buffer straight into a {@link SecretField},
 * so that no String, number object or reply record ever holds them.
 */
public sealed interface ReplyExpectation {

  /** An ordinary reply: result, data in parentheses and endpos are decoded as values. */
  record Plain() implements ReplyExpectation {}

  /**
   * A reply whose result alone matters (a prompt, a key wait, a read-back): data and {@code
   * endpos=} are not decoded (null and -1), so a small result needs no new reply object.
   */
  record ResultOnly() implements ReplyExpectation {}

  /** {@code GET DATA}: the result is the digit string itself ({@code result=4242...}). */
  record DigitsInto(SecretField field) implements ReplyExpectation {}

  /**
   * {@code WAIT FOR DIGIT} or {@code STREAM FILE} with escape digits: the result is the ASCII code
   * of one key ({@code result=55} for {@code 7}), {@code 0} for none.
   */
  record KeyInto(SecretField field) implements ReplyExpectation {}

  ReplyExpectation PLAIN = new Plain();

  ReplyExpectation RESULT_ONLY = new ResultOnly();
}

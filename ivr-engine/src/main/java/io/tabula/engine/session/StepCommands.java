package io.tabula.engine.session;

import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplyExpectation;
import io.tabula.masking.memory.SecretField;

/**
 * What a stepped call ({@link AgiCallSteps}) reuses from one command to the next, so that a steady
 * command allocates nothing: its pending command and reply slot, how replies go into the collect's
 * field, and its last read-back line. Used on the call's event loop only.
 *
 * <pre>{@code
 * PendingCommand next = commands.pending(line, commands.digitsInto(field));
 * }</pre>
 */
final class StepCommands {

  private PendingCommand reusable;
  private ReplyExpectation.DigitsInto digitsInto;
  private ReplyExpectation.KeyInto keyInto;

  /**
   * The last read-back line, said again without a new line when the same digits are (a confirmation
   * the caller repeats). Kept with the call, never shared: the digits are a value of this call
   * ({@link CommandLines} keeps a flow's own text only).
   */
  private AgiCommand sayDigits;

  private String saidDigits;

  /**
   * The pending command for {@code line}: the call's last one once its reply settled (a call sends
   * one command at a time), else a new one.
   */
  PendingCommand pending(AgiCommand line, ReplyExpectation expecting) {
    PendingCommand last = reusable;
    if (last != null && last.reply().isDone()) {
      return last.reuse(line, expecting);
    }
    reusable = PendingCommand.expecting(line, expecting);
    return reusable;
  }

  /** {@code SAY DIGITS <digits> ""}; the digits are checked ({@link AgiCommands#sayDigits}). */
  AgiCommand sayDigits(String digits) {
    if (sayDigits == null || !digits.equals(saidDigits)) {
      sayDigits = AgiCommands.sayDigits(digits);
      saidDigits = digits;
    }
    return sayDigits;
  }

  /** Digits of a {@code GET DATA} reply into {@code field}. */
  ReplyExpectation digitsInto(SecretField field) {
    ReplyExpectation.DigitsInto kept = digitsInto;
    if (kept == null || kept.field() != field) {
      kept = new ReplyExpectation.DigitsInto(field);
      digitsInto = kept;
    }
    return kept;
  }

  /** The key of a {@code WAIT FOR DIGIT} or {@code STREAM FILE} reply into {@code field}. */
  ReplyExpectation keyInto(SecretField field) {
    ReplyExpectation.KeyInto kept = keyInto;
    if (kept == null || kept.field() != field) {
      kept = new ReplyExpectation.KeyInto(field);
      keyInto = kept;
    }
    return kept;
  }
}

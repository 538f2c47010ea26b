package io.tabula.flows.run;

import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.Value;
import io.tabula.masking.memory.SecretField;

/**
 * What the call journal hears of one call: the {@link FlowEvents} (steps, outcomes, errors, how the
 * call ended) and a few things more that the journal keeps and a log line never does. The
 * interpreter hands it a keyed field only when the flow marks the field {@code journal: encrypt},
 * never a card field or a PIN; an implementation seals the digits at once (inside {@code keyed}),
 * before the call goes on, and keeps no copy in the clear.
 *
 * <p>Every method is called on the call's own thread and must return quickly and never throw: a
 * journal problem never touches the call.
 */
public interface CallJournal extends FlowEvents {

  /** A journal that keeps nothing. */
  CallJournal NONE = new CallJournal() {};

  /** A menu step took a key that is one of its options. */
  default void menuChoice(String stepId, char key) {}

  /** A collect marked {@code journal: encrypt} accepted this field; read it now, in place. */
  default void keyed(String stepId, SecretField field) {}

  /** A lookup output marked {@code journal: encrypt}. */
  default void lookupOutput(String stepId, String name, Value value) {}

  /** A pay step's outcome and the amount it was for (approved, declined, failed or unknown). */
  default void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {}

  /** The flow returned: the call's journal record is complete. */
  default void finished() {}

  /** Events to {@code events} and to {@code journal} both; the journal's own calls to it only. */
  static CallJournal alongside(FlowEvents events, CallJournal journal) {
    return new CallJournal() {
      @Override
      public void stepStarted(String stepId, String kind) {
        events.stepStarted(stepId, kind);
        journal.stepStarted(stepId, kind);
      }

      @Override
      public void outcome(String stepId, String outcome) {
        events.outcome(stepId, outcome);
        journal.outcome(stepId, outcome);
      }

      @Override
      public void error(String stepId, String why) {
        events.error(stepId, why);
        journal.error(stepId, why);
      }

      @Override
      public void ended(String how) {
        events.ended(how);
        journal.ended(how);
      }

      @Override
      public void menuChoice(String stepId, char key) {
        journal.menuChoice(stepId, key);
      }

      @Override
      public void keyed(String stepId, SecretField field) {
        journal.keyed(stepId, field);
      }

      @Override
      public void lookupOutput(String stepId, String name, Value value) {
        journal.lookupOutput(stepId, name, value);
      }

      @Override
      public void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {
        journal.payment(stepId, amount, outcome);
      }

      @Override
      public void finished() {
        journal.finished();
      }
    };
  }

  /** {@code events} as a journal that keeps nothing beyond them. */
  static CallJournal of(FlowEvents events) {
    return events instanceof CallJournal journal ? journal : alongside(events, NONE);
  }
}

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
    return both(observing(events), journal);
  }

  /**
   * One call's events to two journals: {@code observer} (metrics, logs) hears the steps, outcomes,
   * errors, payments and the end; {@code keeper} hears all that and also the keyed fields, sealed
   * lookup outputs and menu choices, which only the journal that keeps the record may hold. The
   * keeper finishes its record even when the observer throws.
   */
  static CallJournal both(CallJournal observer, CallJournal keeper) {
    return new Both(observer, keeper);
  }

  /** {@code events} as a journal that hears the four {@link FlowEvents} and nothing more. */
  static CallJournal observing(FlowEvents events) {
    return new CallJournal() {
      @Override
      public void stepStarted(String stepId, String kind) {
        events.stepStarted(stepId, kind);
      }

      @Override
      public void outcome(String stepId, String outcome) {
        events.outcome(stepId, outcome);
      }

      @Override
      public void error(String stepId, String why) {
        events.error(stepId, why);
      }

      @Override
      public void ended(String how) {
        events.ended(how);
      }
    };
  }

  /** {@code events} as a journal that keeps nothing beyond them. */
  static CallJournal of(FlowEvents events) {
    return events instanceof CallJournal journal ? journal : alongside(events, NONE);
  }

  /** The fan-out of {@link #both}. */
  record Both(CallJournal observer, CallJournal keeper) implements CallJournal {
    @Override
    public void stepStarted(String stepId, String kind) {
      observer.stepStarted(stepId, kind);
      keeper.stepStarted(stepId, kind);
    }

    @Override
    public void outcome(String stepId, String outcome) {
      observer.outcome(stepId, outcome);
      keeper.outcome(stepId, outcome);
    }

    @Override
    public void error(String stepId, String why) {
      observer.error(stepId, why);
      keeper.error(stepId, why);
    }

    @Override
    public void ended(String how) {
      observer.ended(how);
      keeper.ended(how);
    }

    @Override
    public void menuChoice(String stepId, char key) {
      keeper.menuChoice(stepId, key);
    }

    @Override
    public void keyed(String stepId, SecretField field) {
      // the keeper only: an observer has no use for a keyed field and must never hold one
      keeper.keyed(stepId, field);
    }

    @Override
    public void lookupOutput(String stepId, String name, Value value) {
      keeper.lookupOutput(stepId, name, value);
    }

    @Override
    public void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {
      observer.payment(stepId, amount, outcome);
      keeper.payment(stepId, amount, outcome);
    }

    @Override
    public void finished() {
      try {
        observer.finished();
      } finally {
        keeper.finished();
      }
    }
  }
}

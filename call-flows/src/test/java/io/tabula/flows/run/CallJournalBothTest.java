package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.Value;
import io.tabula.masking.memory.SecretField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CallJournal#both}: the one fan-out of a call's events to an observer (metrics, logs) and
 * the journal that keeps the record. Keyed fields, sealed lookup outputs and menu choices reach the
 * keeper only; an observer never holds one.
 */
class CallJournalBothTest {

  /** Writes down every call it hears. */
  private static final class Heard implements CallJournal {
    final List<String> calls = new ArrayList<>();

    @Override
    public void stepStarted(String stepId, String kind) {
      calls.add("step " + stepId);
    }

    @Override
    public void outcome(String stepId, String outcome) {
      calls.add("outcome " + outcome);
    }

    @Override
    public void error(String stepId, String why) {
      calls.add("error " + why);
    }

    @Override
    public void ended(String how) {
      calls.add("ended " + how);
    }

    @Override
    public void menuChoice(String stepId, char key) {
      calls.add("menu " + key);
    }

    @Override
    public void keyed(String stepId, SecretField field) {
      calls.add("keyed " + stepId);
    }

    @Override
    public void lookupOutput(String stepId, String name, Value value) {
      calls.add("lookup " + name);
    }

    @Override
    public void payment(String stepId, Value.Money amount, PaymentOutcome outcome) {
      calls.add("payment " + amount.amount());
    }

    @Override
    public void finished() {
      calls.add("finished");
    }
  }

  private static void oneCall(CallJournal journal) {
    journal.stepStarted("ask", "collect");
    journal.keyed("ask", null);
    journal.lookupOutput("find", "balance", new Value.Number(new BigDecimal("45.00")));
    journal.menuChoice("menu", '1');
    journal.outcome("find", "found");
    journal.payment(
        "pay",
        new Value.Money(new BigDecimal("45.00"), Currency.getInstance("USD")),
        new PaymentOutcome.Failed("timeout"));
    journal.error("pay", "IOException");
    journal.ended("hangup");
    journal.finished();
  }

  @Test
  void theKeeperHearsEverythingAndTheObserverNoKeyedFieldNoSealedOutputNoMenuChoice() {
    Heard observer = new Heard();
    Heard keeper = new Heard();
    oneCall(CallJournal.both(observer, keeper));
    assertThat(keeper.calls)
        .containsExactly(
            "step ask",
            "keyed ask",
            "lookup balance",
            "menu 1",
            "outcome found",
            "payment 45.00",
            "error IOException",
            "ended hangup",
            "finished");
    assertThat(observer.calls)
        .containsExactly(
            "step ask",
            "outcome found",
            "payment 45.00",
            "error IOException",
            "ended hangup",
            "finished");
  }

  @Test
  void theKeeperFinishesItsRecordEvenWhenTheObserverThrows() {
    Heard keeper = new Heard();
    CallJournal failing =
        new CallJournal() {
          @Override
          public void finished() {
            throw new IllegalStateException("observer broke");
          }
        };
    assertThatThrownBy(() -> CallJournal.both(failing, keeper).finished())
        .isInstanceOf(IllegalStateException.class);
    assertThat(keeper.calls).containsExactly("finished");
  }

  @Test
  void plainFlowEventsHearTheFourEventsOnly() {
    List<String> events = new ArrayList<>();
    FlowEvents logs =
        new FlowEvents() {
          @Override
          public void stepStarted(String stepId, String kind) {
            events.add("step " + stepId);
          }

          @Override
          public void ended(String how) {
            events.add("ended " + how);
          }
        };
    Heard keeper = new Heard();
    oneCall(CallJournal.both(CallJournal.observing(logs), keeper));
    assertThat(events).containsExactly("step ask", "ended hangup");
    assertThat(keeper.calls).hasSize(9);
  }
}

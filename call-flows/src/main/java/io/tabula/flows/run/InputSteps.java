package io.tabula.flows.run;

import io.tabula.flows.model.CheckSpec;
import io.tabula.flows.model.JournalMode;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.card.CardExpiry;
import io.tabula.masking.memory.SecretField;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

/** Runs the steps that wait for the caller: {@code menu} and {@code collect}. */
final class InputSteps {

  private final CallPort call;
  private final Speech speech;
  private final CallValues values;
  private final Clock clock;
  private final Deadline deadline;
  private final CallJournal journal;

  InputSteps(
      CallPort call,
      Speech speech,
      CallValues values,
      Clock clock,
      Deadline deadline,
      CallJournal journal) {
    this.call = call;
    this.speech = speech;
    this.values = values;
    this.clock = clock;
    this.deadline = deadline;
    this.journal = journal;
  }

  String menu(Step.Menu menu) {
    String agentKeys = menu.agentKey() ? speech.agentKeys() : "";
    String escape = String.join("", menu.options().keySet()) + agentKeys;
    for (int attempt = 1; attempt <= menu.attempts(); attempt++) {
      deadline.check();
      KeyPress key = call.play(speech.prompt(menu.prompt().id()), escape);
      if (!key.pressed()) {
        key = call.waitForKey(menu.timeout());
      }
      if (key.pressed() && agentKeys.indexOf(key.key()) >= 0) {
        throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
      }
      if (key.pressed() && menu.options().containsKey(String.valueOf(key.key()))) {
        journal.menuChoice(menu.id(), key.key());
        return menu.options().get(String.valueOf(key.key())).step();
      }
      Optional<SayItem.PromptRef> retry =
          key.pressed() ? menu.invalidPrompt() : menu.noInputPrompt();
      if (attempt < menu.attempts()) {
        retry.ifPresent(p -> speech.play(speech.prompt(p.id()), menu.agentKey()));
      }
    }
    return menu.onFailure().step();
  }

  /**
   * Says the prompt in each offered language, each from its own language's audio; a key offered
   * switches the call (channel included) to its language. No key, or another, keeps the call's
   * language: a caller who does not choose is not held up.
   */
  String language(Step.Language menu) {
    String agentKeys = menu.agentKey() ? speech.agentKeys() : "";
    String escape = String.join("", menu.options().keySet()) + agentKeys;
    deadline.check();
    KeyPress key = KeyPress.NONE;
    for (String language : menu.options().values()) {
      key = call.play(speech.prompt(menu.prompt().id(), language), escape);
      if (key.pressed()) {
        break;
      }
    }
    if (!key.pressed()) {
      key = call.waitForKey(menu.timeout());
    }
    if (key.pressed() && agentKeys.indexOf(key.key()) >= 0) {
      throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
    }
    String chosen = key.pressed() ? menu.options().get(String.valueOf(key.key())) : null;
    if (chosen != null) {
      speech.switchTo(chosen);
    }
    return menu.next().step();
  }

  String collect(Step.Collect collect) {
    SecretField field = values.fieldFor(collect);
    CollectOptions options =
        new CollectOptions(
            collect.maxDigits(),
            collect.firstDigitTimeout(),
            collect.interDigitTimeout(),
            collect.secure());
    for (int attempt = 1; attempt <= collect.attempts(); attempt++) {
      deadline.check();
      field.clear();
      CollectResult result = call.collect(speech.prompt(collect.prompt().id()), field, options);
      if (asksForAgent(collect, field, result)) {
        field.clear();
        throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
      }
      if (accepted(collect, field)) {
        journalIfMarked(collect, field);
        return collect.next().step();
      }
      Optional<SayItem.PromptRef> retry =
          field.isEmpty() ? collect.noInputPrompt() : collect.invalidPrompt();
      field.clear();
      if (attempt < collect.attempts()) {
        retry.ifPresent(p -> speech.play(speech.prompt(p.id()), collect.agentKey()));
      }
    }
    return collect.onFailure().step();
  }

  /** Card fields and PINs never reach the journal, whatever the flow says (defence in depth). */
  private void journalIfMarked(Step.Collect collect, SecretField field) {
    if (collect.journal() == JournalMode.ENCRYPT && !collect.kind().alwaysSecure()) {
      journal.keyed(collect.id(), field);
    }
  }

  /**
   * A lone agent key ended by {@code #} or a pause asks for an agent. Digits fields need the 0, so
   * only a single 0 counts, and only where a field needs more than one digit.
   */
  private boolean asksForAgent(Step.Collect collect, SecretField field, CollectResult result) {
    String keys = speech.agentKeys();
    if (!collect.agentKey() || keys.isEmpty() || collect.minDigits() < 2) {
      return false;
    }
    byte agent = (byte) keys.charAt(0);
    return result.status() != CollectResult.Status.COMPLETE
        && field.length() == 1
        && field.read(digits -> digits.digitAt(0) == agent);
  }

  private boolean accepted(Step.Collect collect, SecretField field) {
    int length = field.length();
    if (length < collect.minDigits() || length > collect.maxDigits()) {
      return false;
    }
    for (CheckSpec check : collect.checks()) {
      if (!passes(check, field)) {
        return false;
      }
    }
    return true;
  }

  private boolean passes(CheckSpec check, SecretField field) {
    return switch (check) {
      case CheckSpec.Luhn l -> field.luhnValid();
      case CheckSpec.CardLength l ->
          field.brand() != CardBrand.UNKNOWN && field.brand().acceptsPanLength(field.length());
      case CheckSpec.ExpiryNotPast e ->
          field.read(d -> CardExpiry.check(d, YearMonth.now(clock))) == CardExpiry.Verdict.VALID;
      case CheckSpec.CvcLength c -> cvcFits(field, values.field(c.card()).brand());
      case CheckSpec.Range r ->
          inRange(values.resolve(new io.tabula.flows.model.Ref(field.name(), "", r.pos())), r);
    };
  }

  private static boolean cvcFits(SecretField cvc, CardBrand brand) {
    int length = cvc.length();
    return brand == CardBrand.UNKNOWN ? length == 3 || length == 4 : length == brand.cvcLength();
  }

  private static boolean inRange(io.tabula.flows.connect.Value value, CheckSpec.Range range) {
    BigDecimal number = new BigDecimal(value.toString());
    return number.compareTo(range.min()) >= 0 && number.compareTo(range.max()) <= 0;
  }
}

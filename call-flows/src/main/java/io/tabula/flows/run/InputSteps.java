package io.tabula.flows.run;

import io.tabula.flows.model.CheckSpec;
import io.tabula.flows.model.JournalMode;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.masking.card.CardBrand;
import io.tabula.masking.card.CardExpiry;
import io.tabula.masking.memory.SecretField;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Optional;

/**
 * Runs the steps that wait for the caller, {@code menu}, {@code language} and {@code collect}, one
 * command at a time. Each method returns the next step's id, or null when it sent a command: its
 * answer comes back through {@link #answer}, which goes on from where the step was.
 */
final class InputSteps {

  /** What the command out is, within the current input step. */
  private enum Waiting {
    MENU_PROMPT,
    MENU_KEY,
    MENU_RETRY_PROMPT,
    LANGUAGE_PROMPT,
    LANGUAGE_KEY,
    LANGUAGE_SWITCH,
    COLLECT,
    COLLECT_RETRY_PROMPT
  }

  /**
   * The call's machine, whose call, speech, values, clock, time limit and journal these steps use:
   * read through it rather than kept again here (seven references less per call in progress).
   */
  private final FlowMachine machine;

  private Waiting waiting;
  private int attempt;
  private String escape;
  private String stepAgentKeys;
  private Step.Menu menu;
  private Step.Language languageMenu;
  private Iterator<String> languages;
  private String chosenLanguage;
  private Step.Collect collect;
  private SecretField field;
  private CollectOptions options;

  InputSteps(FlowMachine machine) {
    this.machine = machine;
  }

  /** Goes on with the current step from the answer to its command. */
  String answer(Object answer) {
    return switch (waiting) {
      case MENU_PROMPT -> menuPlayed((KeyPress) answer);
      case MENU_KEY -> menuKey((KeyPress) answer);
      case MENU_RETRY_PROMPT -> {
        machine.speech().played(answer);
        yield nextMenuAttempt();
      }
      case LANGUAGE_PROMPT -> languagePlayed((KeyPress) answer);
      case LANGUAGE_KEY -> languageKey((KeyPress) answer);
      case LANGUAGE_SWITCH -> {
        machine.speech().switched(chosenLanguage);
        yield languageMenu.next().step();
      }
      case COLLECT -> collected((CollectResult) answer);
      case COLLECT_RETRY_PROMPT -> {
        machine.speech().played(answer);
        yield nextCollectAttempt();
      }
    };
  }

  String menu(Step.Menu step) {
    menu = step;
    stepAgentKeys = step.agentKey() ? machine.speech().agentKeys() : "";
    escape = machine.shared().escapeKeys(step.id());
    attempt = 1;
    return menuAttempt();
  }

  private String menuAttempt() {
    machine.checkDeadline();
    waiting = Waiting.MENU_PROMPT;
    machine.call().play(machine.speech().prompt(menu.prompt().id()), escape, machine.answerTo());
    return null;
  }

  private String menuPlayed(KeyPress key) {
    if (key.pressed()) {
      return menuKey(key);
    }
    waiting = Waiting.MENU_KEY;
    machine.call().waitForKey(menu.timeout(), machine.answerTo());
    return null;
  }

  private String menuKey(KeyPress key) {
    if (key.pressed() && stepAgentKeys.indexOf(key.key()) >= 0) {
      throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
    }
    if (key.pressed() && menu.options().containsKey(String.valueOf(key.key()))) {
      machine.events().menuChoice(menu.id(), key.key());
      return menu.options().get(String.valueOf(key.key())).step();
    }
    Optional<SayItem.PromptRef> retry = key.pressed() ? menu.invalidPrompt() : menu.noInputPrompt();
    if (attempt < menu.attempts() && retry.isPresent()) {
      waiting = Waiting.MENU_RETRY_PROMPT;
      machine.speech().play(machine.speech().prompt(retry.get().id()), menu.agentKey());
      return null;
    }
    return nextMenuAttempt();
  }

  private String nextMenuAttempt() {
    return ++attempt <= menu.attempts() ? menuAttempt() : menu.onFailure().step();
  }

  /**
   * Says the prompt in each offered language, each from its own language's audio; a key offered
   * switches the call (channel included) to its language. No key, or another, keeps the call's
   * language: a caller who does not choose is not held up.
   */
  String language(Step.Language step) {
    languageMenu = step;
    stepAgentKeys = step.agentKey() ? machine.speech().agentKeys() : "";
    escape = machine.shared().escapeKeys(step.id());
    machine.checkDeadline();
    languages = step.options().values().iterator();
    return languagePlayed(KeyPress.NONE);
  }

  private String languagePlayed(KeyPress key) {
    if (key.pressed()) {
      return languageKey(key);
    }
    if (languages.hasNext()) {
      waiting = Waiting.LANGUAGE_PROMPT;
      machine
          .call()
          .play(
              machine.speech().prompt(languageMenu.prompt().id(), languages.next()),
              escape,
              machine.answerTo());
    } else {
      waiting = Waiting.LANGUAGE_KEY;
      machine.call().waitForKey(languageMenu.timeout(), machine.answerTo());
    }
    return null;
  }

  private String languageKey(KeyPress key) {
    languages = null;
    if (key.pressed() && stepAgentKeys.indexOf(key.key()) >= 0) {
      throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
    }
    String chosen = key.pressed() ? languageMenu.options().get(String.valueOf(key.key())) : null;
    if (chosen == null || chosen.equals(machine.speech().language())) {
      return languageMenu.next().step();
    }
    chosenLanguage = chosen;
    waiting = Waiting.LANGUAGE_SWITCH;
    machine.speech().switchTo(chosen);
    return null;
  }

  String collect(Step.Collect step) {
    collect = step;
    field = machine.values().fieldFor(step);
    options = machine.shared().collectOptions(step.id());
    attempt = 1;
    return collectAttempt();
  }

  private String collectAttempt() {
    machine.checkDeadline();
    field.clear();
    waiting = Waiting.COLLECT;
    machine
        .call()
        .collect(
            machine.speech().prompt(collect.prompt().id()), field, options, machine.answerTo());
    return null;
  }

  private String collected(CollectResult result) {
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
    if (attempt < collect.attempts() && retry.isPresent()) {
      waiting = Waiting.COLLECT_RETRY_PROMPT;
      machine.speech().play(machine.speech().prompt(retry.get().id()), collect.agentKey());
      return null;
    }
    return nextCollectAttempt();
  }

  private String nextCollectAttempt() {
    return ++attempt <= collect.attempts() ? collectAttempt() : collect.onFailure().step();
  }

  /** Card fields and PINs never reach the journal, whatever the flow says (defence in depth). */
  private void journalIfMarked(Step.Collect collect, SecretField field) {
    if (collect.journal() == JournalMode.ENCRYPT && !collect.kind().alwaysSecure()) {
      machine.events().keyed(collect.id(), field);
    }
  }

  /**
   * A lone agent key ended by {@code #} or a pause asks for an agent. Digits fields need the 0, so
   * only a single 0 counts, and only where a field needs more than one digit.
   */
  private boolean asksForAgent(Step.Collect collect, SecretField field, CollectResult result) {
    String keys = machine.speech().agentKeys();
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
          field.read(d -> CardExpiry.check(d, YearMonth.now(machine.clock())))
              == CardExpiry.Verdict.VALID;
      case CheckSpec.CvcLength c -> cvcFits(field, machine.values().field(c.card()).brand());
      case CheckSpec.Range r ->
          inRange(
              machine.values().resolve(new io.tabula.flows.model.Ref(field.name(), "", r.pos())),
              r);
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

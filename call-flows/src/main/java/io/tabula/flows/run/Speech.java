package io.tabula.flows.run;

import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.Prompt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Speaks prompts and values through the call port. Amounts are said as "45 dollars and 50 cents"
 * with the built-in unit prompts; the agent key, where allowed, interrupts any prompt.
 */
final class Speech {

  private final Flow flow;
  private final CallPort call;
  private final CallValues values;

  Speech(Flow flow, CallPort call, CallValues values) {
    this.flow = flow;
    this.call = call;
    this.values = values;
  }

  /** The prompt with its text from the flow. */
  Prompt prompt(String id) {
    return PromptSound.of(flow, id, flow.promptText(id));
  }

  /** Says every item; returns early (by exception) when the caller asks for an agent. */
  void say(List<SayItem> items, boolean agentKey) {
    for (SayItem item : items) {
      switch (item) {
        case SayItem.PromptRef p -> play(prompt(p.id()), agentKey);
        case SayItem.Speak s -> speak(s.as(), values.resolve(s.ref()));
      }
    }
  }

  /** Plays one prompt; the agent key stops it and leaves the step. */
  void play(Prompt prompt, boolean agentKey) {
    String escape = agentKey ? agentKeys() : "";
    KeyPress key = call.play(prompt, escape);
    if (agentKey && key.pressed() && escape.indexOf(key.key()) >= 0) {
      throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
    }
  }

  String agentKeys() {
    return flow.agent().map(a -> String.valueOf(a.key())).orElse("");
  }

  private void speak(SayItem.SpeakAs as, Value value) {
    switch (as) {
      case NUMBER -> call.sayNumber(number(value).setScale(0, RoundingMode.DOWN).longValueExact());
      case DIGITS -> call.sayDigits(digitsOf(value));
      case DATE -> call.sayDate(((Value.Date) value).date());
      case AMOUNT -> amount((Value.Money) value);
    }
  }

  private static BigDecimal number(Value value) {
    return switch (value) {
      case Value.Number n -> n.number();
      case Value.Money m -> m.amount();
      case Value.Text t -> new BigDecimal(t.text());
      default ->
          throw new FlowFailure(
              "a " + value.type().spelling() + " value cannot be spoken as a number");
    };
  }

  private static String digitsOf(Value value) {
    String text = value.toString().replaceAll("[^0-9]", "");
    if (text.isEmpty()) {
      throw new FlowFailure("nothing to speak digit by digit");
    }
    return text;
  }

  private void amount(Value.Money money) {
    BigDecimal amount = money.amount().setScale(2, RoundingMode.HALF_UP);
    long major = amount.setScale(0, RoundingMode.DOWN).longValueExact();
    long minor = amount.subtract(BigDecimal.valueOf(major)).movePointRight(2).longValueExact();
    String code = money.currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT);
    call.sayNumber(major);
    call.play(
        PromptSound.of(flow, "currency-" + code + "-major", Units.major(money.currency())), "");
    if (minor != 0) {
      call.play(PromptSound.of(flow, "and", "and"), "");
      call.sayNumber(minor);
      call.play(
          PromptSound.of(flow, "currency-" + code + "-minor", Units.minor(money.currency())), "");
    }
  }

  /** The spoken names of currency units; the sound files carry the same ids. */
  static final class Units {
    private Units() {}

    static String major(java.util.Currency currency) {
      return switch (currency.getCurrencyCode()) {
        case "USD", "CAD", "AUD" -> "dollars";
        case "EUR" -> "euros";
        case "GBP" -> "pounds";
        default -> currency.getDisplayName(java.util.Locale.ENGLISH);
      };
    }

    static String minor(java.util.Currency currency) {
      return currency.getCurrencyCode().equals("GBP") ? "pence" : "cents";
    }
  }
}

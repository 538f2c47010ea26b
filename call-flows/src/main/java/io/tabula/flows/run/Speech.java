package io.tabula.flows.run;

import io.tabula.flows.connect.Value;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.say.AsteriskSay;
import io.tabula.flows.say.SpokenWords;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Speaks prompts and values through the call port, in the call's language. Amounts are said as "45
 * dollars and 50 cents" with the unit prompts of {@link BuiltInWords}; the agent key, where
 * allowed, interrupts any prompt.
 */
final class Speech {

  private final Flow flow;
  private final CallPort call;
  private final CallValues values;
  private String language;

  /**
   * @param language the call's language, one of the flow's, already set on the channel
   */
  Speech(Flow flow, CallPort call, CallValues values, String language) {
    this.flow = flow;
    this.call = call;
    this.values = values;
    this.language = language;
  }

  /**
   * Picks the call's language from the channel's ({@code agi_language}, set by the trunk or the
   * DID): the flow's language that is the same, or has the same main part ({@code es_MX} gives
   * {@code es}), else the flow's own. The channel is set to it when it differs, so Asterisk finds
   * the prompts under {@code sounds/<language>/} and says numbers in it.
   */
  void start(String channelLanguage) {
    String channel = channelLanguage == null ? "" : channelLanguage;
    String picked = pick(flow.languages(), channel);
    if (!picked.equals(channel)) {
      call.setLanguage(picked);
    }
    language = picked;
  }

  static String pick(java.util.List<String> languages, String channel) {
    if (languages.contains(channel)) {
      return channel;
    }
    String main = channel.split("[_-]", 2)[0];
    for (String language : languages) {
      if (language.split("_", 2)[0].equals(main)) {
        return language;
      }
    }
    return languages.getFirst();
  }

  /** The call's language: a prompt's words and Asterisk's numbers are said in it. */
  String language() {
    return language;
  }

  /**
   * Switches the call to {@code next}, one of the flow's languages: the channel's language first,
   * so Asterisk's own numbers and dates follow, then the prompts.
   */
  void switchTo(String next) {
    if (!next.equals(language)) {
      call.setLanguage(next);
      language = next;
    }
  }

  /** The prompt with its text from the flow, in the call's language. */
  Prompt prompt(String id) {
    return prompt(id, language);
  }

  /** The prompt in {@code language}, played from that language's folder whatever the call's. */
  Prompt prompt(String id, String inLanguage) {
    Prompt prompt = PromptSound.of(flow, inLanguage, id, flow.promptText(id, inLanguage));
    return inLanguage.equals(language) ? prompt : PromptSound.inOtherLanguage(prompt, inLanguage);
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
      case NUMBER ->
          sayNumber(
              number(value).setScale(0, RoundingMode.DOWN).longValueExact(), NumberGender.NEUTRAL);
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
    Currency currency = money.currency();
    sayNumber(major, BuiltInWords.gender(currency, language, true));
    call.play(unit(currency, true, major == 1), "");
    if (minor != 0) {
      call.play(builtIn(BuiltInWords.AND, BuiltInWords.and(language)), "");
      sayNumber(minor, BuiltInWords.gender(currency, language, false));
      call.play(unit(currency, false, minor == 1), "");
    }
  }

  /**
   * {@code SAY NUMBER}, except where Asterisk would play a core sound Debian does not ship (Spanish
   * "cien"): then the same files one by one, the rendered "cien" in its place.
   */
  private void sayNumber(long number, NumberGender gender) {
    List<String> files = AsteriskSay.number(number, gender, language);
    if (!BuiltInWords.spanish(language) || !files.contains(AsteriskSay.SPANISH_HUNDRED)) {
      call.sayNumber(number, gender);
      return;
    }
    for (String file : files) {
      call.play(
          file.equals(AsteriskSay.SPANISH_HUNDRED)
              ? builtIn(BuiltInWords.CIEN, "cien")
              : new Prompt(file, SpokenWords.of(List.of(file), language), file),
          "");
    }
  }

  private Prompt unit(Currency currency, boolean major, boolean one) {
    return builtIn(
        BuiltInWords.unitId(currency, major, one),
        BuiltInWords.unit(currency, language, major, one));
  }

  /** A prompt the engine adds to the flow's (units, "and"), in the call's language. */
  Prompt builtIn(String id, String text) {
    return PromptSound.of(flow, language, id, text);
  }
}

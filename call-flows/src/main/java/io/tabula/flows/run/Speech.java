package io.tabula.flows.run;

import io.tabula.flows.connect.Value;
import io.tabula.flows.model.SayItem;
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
 * Speaks prompts and values on the call, in the call's language, one command at a time: each method
 * that sends a command returns at once and the answer comes back to the flow's machine, which calls
 * {@link #sayNext} again. Amounts are said as "45 dollars and 50 cents" with the unit prompts of
 * {@link BuiltInWords}; the agent key, where allowed, interrupts any prompt.
 *
 * <p>Where it is within a {@code say} list is kept here in a few fields (the item, the part of an
 * amount, the file of a number said file by file), so saying costs no object per command.
 */
final class Speech {

  /** The call's machine: the flow, call and values are read through it, not kept again here. */
  private final FlowMachine machine;

  private String language;

  private List<SayItem> items = List.of();
  private int item;
  private boolean itemsAgentKey;

  /** The part of the current item said last: 0 before it starts (an amount has up to five). */
  private int part;

  private long major;
  private long minor;
  private Currency currency;

  /** A number said file by file (Spanish "cien"), and the next of its files; null otherwise. */
  private List<String> files;

  private int file;

  /** The command out is a prompt the agent key may stop. */
  private boolean agentKeyMayStop;

  /**
   * @param language the flow's own language, until {@link #start} picks the call's
   */
  Speech(FlowMachine machine, String language) {
    this.machine = machine;
    this.language = language;
  }

  /**
   * Picks the call's language from the channel's ({@code agi_language}, set by the trunk or the
   * DID): the flow's language that is the same, or has the same main part ({@code es_MX} gives
   * {@code es}), else the flow's own. The channel is set to it when it differs, so Asterisk finds
   * the prompts under {@code sounds/<language>/} and says numbers in it.
   *
   * @return the language to switch to with {@link #switchTo}, or null when the channel has it
   */
  String pickFor(String channelLanguage) {
    String channel = channelLanguage == null ? "" : channelLanguage;
    String picked = pick(machine.shared().flow().languages(), channel);
    if (picked.equals(channel)) {
      language = picked;
      return null;
    }
    return picked;
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
   * Sets the channel's language to {@code next}, one of the flow's languages, so Asterisk's own
   * numbers and dates follow; the prompts follow once the command succeeded ({@link #switched}).
   */
  void switchTo(String next) {
    machine.call().setLanguage(next, machine.answerTo());
  }

  /** The channel is in {@code next} now. */
  void switched(String next) {
    language = next;
  }

  /** The prompt with its text from the flow, in the call's language. */
  Prompt prompt(String id) {
    return prompt(id, language);
  }

  /** The prompt in {@code language}, played from that language's folder whatever the call's. */
  Prompt prompt(String id, String inLanguage) {
    Prompt prompt = machine.shared().prompt(id, inLanguage);
    return inLanguage.equals(language) ? prompt : PromptSound.inOtherLanguage(prompt, inLanguage);
  }

  /** Starts saying {@code items}; {@link #sayNext} sends the first command. */
  void say(List<SayItem> items, boolean agentKey) {
    this.items = items;
    this.itemsAgentKey = agentKey;
    this.item = 0;
    this.part = 0;
    this.files = null;
    this.agentKeyMayStop = false;
  }

  /**
   * Takes the answer to the last command and sends the next one of the items being said.
   *
   * @return false when every item has been said (no command sent)
   * @throws FlowInterrupt when the caller pressed the agent key during a prompt that allows it
   */
  boolean sayNext(Object answer) {
    played(answer);
    if (files != null) {
      if (file < files.size()) {
        sayFile(files.get(file++));
        return true;
      }
      files = null;
    }
    while (item < items.size()) {
      boolean sent =
          switch (items.get(item)) {
            case SayItem.PromptRef p -> part++ == 0 && play(prompt(p.id()), itemsAgentKey);
            case SayItem.Speak s -> speakNext(s);
          };
      if (sent) {
        return true;
      }
      item++;
      part = 0;
    }
    return false;
  }

  /**
   * Plays one prompt; the agent key stops it and leaves the step ({@link #played}).
   *
   * @return true: a command is out
   */
  boolean play(Prompt prompt, boolean agentKey) {
    agentKeyMayStop = agentKey;
    machine.call().play(prompt, agentKey ? agentKeys() : "", machine.answerTo());
    return true;
  }

  /**
   * The answer to a {@link #play}: the agent key, where it may stop the prompt, leaves the step.
   */
  void played(Object answer) {
    if (agentKeyMayStop) {
      agentKeyMayStop = false;
      KeyPress key = (KeyPress) answer;
      if (key.pressed() && agentKeys().indexOf(key.key()) >= 0) {
        throw new FlowInterrupt(FlowInterrupt.Kind.AGENT_REQUESTED);
      }
    }
  }

  String agentKeys() {
    return machine.shared().agentKeys();
  }

  /** Sends the next command of a spoken value; false when the value has been said. */
  private boolean speakNext(SayItem.Speak speak) {
    if (speak.as() == SayItem.SpeakAs.AMOUNT) {
      return amountNext(speak);
    }
    if (part++ != 0) {
      return false;
    }
    Value value = machine.values().resolve(speak.ref());
    switch (speak.as()) {
      case NUMBER ->
          sayNumber(
              number(value).setScale(0, RoundingMode.DOWN).longValueExact(), NumberGender.NEUTRAL);
      case DIGITS -> machine.call().sayDigits(digitsOf(value), machine.answerTo());
      case DATE -> machine.call().sayDate(((Value.Date) value).date(), machine.answerTo());
      case AMOUNT -> throw new IllegalStateException("amounts are said by amountNext");
    }
    return true;
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

  /** The value's digits 0-9, all else left out; the text itself when it is digits only. */
  static String digitsOf(Value value) {
    String text = value.toString();
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits == 0) {
      throw new FlowFailure("nothing to speak digit by digit");
    }
    if (digits == text.length()) {
      return text;
    }
    StringBuilder only = new StringBuilder(digits);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        only.append(c);
      }
    }
    return only.toString();
  }

  /** Major number, major unit, then when there are cents: "and", minor number, minor unit. */
  private boolean amountNext(SayItem.Speak speak) {
    switch (part++) {
      case 0 -> {
        Value.Money money = (Value.Money) machine.values().resolve(speak.ref());
        BigDecimal amount = money.amount().setScale(2, RoundingMode.HALF_UP);
        major = amount.setScale(0, RoundingMode.DOWN).longValueExact();
        minor = amount.subtract(BigDecimal.valueOf(major)).movePointRight(2).longValueExact();
        currency = money.currency();
        sayNumber(major, BuiltInWords.gender(currency, language, true));
      }
      case 1 -> play(unit(currency, true, major == 1), false);
      case 2 -> {
        if (minor == 0) {
          return false;
        }
        play(builtIn(BuiltInWords.AND, BuiltInWords.and(language)), false);
      }
      case 3 -> sayNumber(minor, BuiltInWords.gender(currency, language, false));
      case 4 -> play(unit(currency, false, minor == 1), false);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code SAY NUMBER}, except where Asterisk would play a core sound Debian does not ship (Spanish
   * "cien"): then the same files one by one, the rendered "cien" in its place.
   */
  private void sayNumber(long number, NumberGender gender) {
    if (BuiltInWords.spanish(language)) {
      List<String> spanish = AsteriskSay.number(number, gender, language);
      if (spanish.contains(AsteriskSay.SPANISH_HUNDRED)) {
        files = spanish;
        file = 1;
        sayFile(spanish.getFirst());
        return;
      }
    }
    machine.call().sayNumber(number, gender, machine.answerTo());
  }

  private void sayFile(String name) {
    play(
        name.equals(AsteriskSay.SPANISH_HUNDRED)
            ? builtIn(BuiltInWords.CIEN, "cien")
            : new Prompt(name, SpokenWords.of(List.of(name), language), name),
        false);
  }

  private Prompt unit(Currency currency, boolean major, boolean one) {
    return builtIn(
        BuiltInWords.unitId(currency, major, one),
        BuiltInWords.unit(currency, language, major, one));
  }

  /** A prompt the engine adds to the flow's (units, "and"), in the call's language. */
  Prompt builtIn(String id, String text) {
    return PromptSound.of(machine.shared().flow(), language, id, text);
  }
}

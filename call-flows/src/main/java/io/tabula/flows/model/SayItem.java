package io.tabula.flows.model;

/** One thing a flow says: a recorded prompt or a value spoken in a given way. */
public sealed interface SayItem {

  SourcePos pos();

  /** A prompt by id; its text is in the flow's {@code prompts}. */
  record PromptRef(String id, SourcePos pos) implements SayItem {}

  /** A value spoken as a number, digit by digit, as an amount of money or as a date. */
  record Speak(SpeakAs as, Ref ref, SourcePos pos) implements SayItem {}

  /** How a value is spoken. */
  enum SpeakAs {
    NUMBER,
    DIGITS,
    AMOUNT,
    DATE;

    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

package io.tabula.flows.port;

/**
 * The grammatical gender a number is said in, where the language has one: Asterisk's Spanish {@code
 * SAY NUMBER 1} says "uno" alone, "un" before a masculine noun ("un dólar") and "una" before a
 * feminine one ("una libra"). English ignores it.
 */
public enum NumberGender {
  NEUTRAL(""),
  MASCULINE("m"),
  FEMININE("f");

  private final String agiOption;

  NumberGender(String agiOption) {
    this.agiOption = agiOption;
  }

  /** The option {@code SAY NUMBER} takes after its escape digits; empty for none. */
  public String agiOption() {
    return agiOption;
  }
}

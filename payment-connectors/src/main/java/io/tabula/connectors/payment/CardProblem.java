package io.tabula.connectors.payment;

/** What is wrong with a keyed card before anything is sent, so the flow re-prompts that part. */
public enum CardProblem {
  PAN_CHECK_DIGIT(CardPart.PAN),
  PAN_LENGTH(CardPart.PAN),
  BRAND_NOT_ACCEPTED(CardPart.PAN),
  EXPIRY_FORMAT(CardPart.EXPIRY),
  EXPIRY_PAST(CardPart.EXPIRY),
  CVC_LENGTH(CardPart.CVC);

  /** The field a caller has to key again. */
  public enum CardPart {
    PAN,
    EXPIRY,
    CVC
  }

  private final CardPart part;

  CardProblem(CardPart part) {
    this.part = part;
  }

  public CardPart part() {
    return part;
  }
}

package io.tabula.flows.model;

import java.math.BigDecimal;

/** A validator a {@code collect} runs on the digits before accepting them. */
public sealed interface CheckSpec {

  SourcePos pos();

  /** The Luhn checksum of card numbers. */
  record Luhn(SourcePos pos) implements CheckSpec {}

  /** A length the card's brand allows (16 for Visa, 15 for American Express, ...). */
  record CardLength(SourcePos pos) implements CheckSpec {}

  /** An expiry keyed as MMYY that is a real month and not in the past. */
  record ExpiryNotPast(SourcePos pos) implements CheckSpec {}

  /** A CVC as long as the brand of the card in field {@code card} needs (4 for Amex, else 3). */
  record CvcLength(Ref card, SourcePos pos) implements CheckSpec {}

  /** A number between {@code min} and {@code max}, both included. */
  record Range(BigDecimal min, BigDecimal max, SourcePos pos) implements CheckSpec {}
}

package io.tabula.connectors.payment;

import io.tabula.masking.card.CardBrand;
import io.tabula.masking.card.CardExpiry;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a keyed card before anything leaves the engine: the Luhn check digit, the tenant's
 * accepted brands, the PAN and CVC lengths of the brand, and an expiry that is not past. The digits
 * are inspected in place; nothing is copied.
 *
 * <pre>{@code
 * CardValidator validator = new CardValidator(EnumSet.of(CardBrand.VISA), Clock.systemUTC());
 * Optional<CardProblem> problem = validator.check(card);
 * }</pre>
 */
public record CardValidator(Set<CardBrand> acceptedBrands, Clock clock) {

  public CardValidator {
    acceptedBrands = Set.copyOf(acceptedBrands);
    if (acceptedBrands.isEmpty() || acceptedBrands.contains(CardBrand.UNKNOWN)) {
      throw new PaymentConfigurationException(
          "payment.accepted-brands must list at least one known brand, e.g. VISA, MASTERCARD");
    }
  }

  /** Accepts every known brand. */
  public static CardValidator allBrands(Clock clock) {
    EnumSet<CardBrand> brands = EnumSet.allOf(CardBrand.class);
    brands.remove(CardBrand.UNKNOWN);
    return new CardValidator(brands, clock);
  }

  /** The first problem found, PAN first, then expiry, then CVC; empty when the card may be sent. */
  public Optional<CardProblem> check(CardFields card) {
    CardBrand brand = card.pan().brand();
    if (!card.pan().luhnValid()) {
      return Optional.of(CardProblem.PAN_CHECK_DIGIT);
    }
    if (!acceptedBrands.contains(brand)) {
      return Optional.of(CardProblem.BRAND_NOT_ACCEPTED);
    }
    if (!brand.acceptsPanLength(card.pan().length())) {
      return Optional.of(CardProblem.PAN_LENGTH);
    }
    Optional<CardProblem> expiry = checkExpiry(card);
    if (expiry.isPresent()) {
      return expiry;
    }
    if (card.cvc().length() != brand.cvcLength()) {
      return Optional.of(CardProblem.CVC_LENGTH);
    }
    return Optional.empty();
  }

  private Optional<CardProblem> checkExpiry(CardFields card) {
    YearMonth now = YearMonth.now(clock);
    return switch (card.expiry().read(digits -> CardExpiry.check(digits, now))) {
      case VALID -> Optional.empty();
      case EXPIRED -> Optional.of(CardProblem.EXPIRY_PAST);
      case NOT_FOUR_DIGITS, NO_SUCH_MONTH -> Optional.of(CardProblem.EXPIRY_FORMAT);
    };
  }
}

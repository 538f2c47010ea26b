package io.tabula.masking.log;

/**
 * How strict the {@link SecretScanner} is.
 *
 * <p>The logging layer masks anything that could be card data ({@link #MASKING}: any Luhn-valid 13
 * to 19 digits, any digits after a PIN or CVC key): a masked order number costs nothing. An auditor
 * wants findings, not noise ({@link #AUDIT}): a card number must also belong to a known brand with
 * a length that brand issues, and keyed values must have the length of the secret they claim to be.
 *
 * @param requireCardBrand card numbers must match a known IIN range and PAN length
 * @param requireSecretLengths CVC values 3-4 digits, PINs 4-12, AGI results 3 or more
 * @param findOtherSecrets also report passwords, private keys and bearer tokens
 */
public record ScanPolicy(
    boolean requireCardBrand, boolean requireSecretLengths, boolean findOtherSecrets) {

  /** For the logging layer: mask everything that might be card data. */
  public static final ScanPolicy MASKING = new ScanPolicy(false, false, false);

  /** For auditors: report what is card data or a secret, and nothing ordinary. */
  public static final ScanPolicy AUDIT = new ScanPolicy(true, true, true);
}

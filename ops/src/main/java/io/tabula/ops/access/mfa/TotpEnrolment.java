package io.tabula.ops.access.mfa;

/**
 * What the user needs to add Tabula to an authenticator app: the {@code otpauth://} URI and the
 * same as a QR code (PNG). Show it once, over the signed-in session only; never log it.
 */
public record TotpEnrolment(String uri, byte[] qrPng) {

  @Override
  public String toString() {
    return "TotpEnrolment[uri hidden, " + qrPng.length + " bytes of PNG]";
  }
}

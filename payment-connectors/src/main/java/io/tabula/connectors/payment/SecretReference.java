package io.tabula.connectors.payment;

import java.nio.file.Path;

/**
 * Where a tenant's API key lives: {@code file:/run/secrets/stripe} or {@code env:STRIPE_KEY}. The
 * reference is configuration and may be shown; the key it points to never is.
 */
public record SecretReference(Kind kind, String location) {

  /** The two places a key may come from. */
  public enum Kind {
    FILE,
    ENV
  }

  public SecretReference {
    if (location == null || location.isBlank()) {
      throw new PaymentConfigurationException(
          "an API key reference needs a location, e.g. file:/run/secrets/key or env:PAY_KEY");
    }
  }

  /** Parses {@code file:<path>} or {@code env:<NAME>}. */
  public static SecretReference parse(String text) {
    if (text != null && text.startsWith("file:")) {
      return new SecretReference(Kind.FILE, text.substring("file:".length()));
    }
    if (text != null && text.startsWith("env:")) {
      return new SecretReference(Kind.ENV, text.substring("env:".length()));
    }
    throw new PaymentConfigurationException(
        "api key reference '"
            + text
            + "' must start with file: or env:, e.g. file:/run/secrets/key or env:PAY_KEY");
  }

  public static SecretReference file(Path path) {
    return new SecretReference(Kind.FILE, path.toString());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + location;
  }
}

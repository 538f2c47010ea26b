package io.tabula.connectors.simulator;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The API key a request presents, in each form Stripe accepts: {@code Authorization: Bearer <key>},
 * {@code Authorization: Basic} with the key as the user name (what {@code curl -u sk_test_...:} and
 * Stripe's client libraries send; the password is ignored), or {@code X-Api-Key: <key>}. The
 * simulator's key is a test key, never a card holder's data, so it may be a String.
 */
final class PresentedApiKey {

  private PresentedApiKey() {}

  static Optional<String> of(HttpHeaders headers) {
    String apiKeyHeader = headers.get("X-Api-Key");
    if (apiKeyHeader != null) {
      return Optional.of(apiKeyHeader);
    }
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION, "").strip();
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = authorization.substring(space + 1).strip();
    return switch (scheme) {
      case "bearer" -> Optional.of(credentials);
      case "basic" -> basicUser(credentials);
      default -> Optional.empty();
    };
  }

  /** The user name of {@code base64(user:password)}; empty when it is not that. */
  private static Optional<String> basicUser(String credentials) {
    try {
      String decoded =
          new String(Base64.getDecoder().decode(credentials), StandardCharsets.US_ASCII);
      int colon = decoded.indexOf(':');
      return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}

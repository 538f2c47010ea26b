package io.tabula.connectors.payment.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A processor's complete answer. Processor replies hold no full card numbers (only brand and last
 * four), so the body may live on the heap as bytes for JSON parsing.
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  /** A header by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "HttpReply[" + status + ", " + body.length + " bytes]";
  }
}

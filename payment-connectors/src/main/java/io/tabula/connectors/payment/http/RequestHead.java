package io.tabula.connectors.payment.http;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request line and headers of one HTTP/1.1 request, written as bytes by {@link #writeTo}.
 * Header values are configuration (never card data); the credential is written from off-heap.
 *
 * <pre>{@code
 * RequestHead head = RequestHead.post("/v1/payment_intents", "application/x-www-form-urlencoded")
 *     .withHeader("Idempotency-Key", key.value()).withCredential(Credential.bearer(apiKey));
 * }</pre>
 */
public record RequestHead(
    String method,
    String path,
    String contentType,
    Map<String, String> headers,
    Optional<Credential> credential) {

  public RequestHead {
    requireToken(method);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a request path starts with '/'");
    }
    requireHeaderValue(path);
    requireHeaderValue(contentType);
    headers.forEach(
        (name, value) -> {
          requireToken(name);
          requireHeaderValue(value);
        });
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static RequestHead post(String path, String contentType) {
    return new RequestHead("POST", path, contentType, Map.of(), Optional.empty());
  }

  public RequestHead withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RequestHead(method, path, contentType, more, credential);
  }

  public RequestHead withCredential(Credential newCredential) {
    return new RequestHead(method, path, contentType, headers, Optional.of(newCredential));
  }

  /** Writes the head of a request whose body has {@code contentLength} bytes. */
  public void writeTo(ByteBuf out, String hostHeader, int contentLength) {
    ascii(out, method + " " + path + " HTTP/1.1\r\n");
    ascii(out, "Host: " + hostHeader + "\r\n");
    ascii(out, "User-Agent: Tabula\r\nAccept: application/json\r\n");
    ascii(out, "Content-Type: " + contentType + "\r\n");
    ascii(out, "Content-Length: " + contentLength + "\r\n");
    headers.forEach((name, value) -> ascii(out, name + ": " + value + "\r\n"));
    credential.ifPresent(
        c -> {
          ascii(out, c.headerName() + ": " + c.prefix());
          c.key().writeTo(out);
          ascii(out, "\r\n");
        });
    ascii(out, "\r\n");
  }

  private static void ascii(ByteBuf out, String text) {
    out.writeCharSequence(text, StandardCharsets.US_ASCII);
  }

  static void requireToken(String name) {
    if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("an HTTP header or method name must be a token");
    }
  }

  static void requireHeaderValue(String value) {
    if (value == null || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "an HTTP header value must be printable ASCII without line breaks");
    }
  }

  @Override
  public String toString() {
    return "RequestHead[" + method + " " + path + ", headers " + headers.keySet() + "]";
  }
}

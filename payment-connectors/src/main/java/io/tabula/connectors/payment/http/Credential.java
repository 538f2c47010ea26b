package io.tabula.connectors.payment.http;

import io.tabula.connectors.payment.ApiKey;

/**
 * The header that carries the API key, e.g. {@code Authorization: Bearer <key>} or {@code
 * X-Api-Key: <key>}. The key is copied from off-heap memory into the request bytes, never into a
 * String.
 */
public record Credential(String headerName, String prefix, ApiKey key) {

  public static Credential bearer(ApiKey key) {
    return new Credential("Authorization", "Bearer ", key);
  }

  public Credential {
    RequestHead.requireToken(headerName);
    RequestHead.requireHeaderValue(prefix);
  }
}

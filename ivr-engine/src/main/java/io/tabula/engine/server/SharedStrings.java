package io.tabula.engine.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each short header value that many calls repeat (the tenant and flow of a
 * route, {@code agi_language}, the AGI arguments), so that a call in progress keeps a reference
 * instead of its own strings: at 10,000 calls in progress each string a call keeps costs about 50
 * bytes of heap times 10,000 (docs/engine.md, "The heap per call").
 *
 * <p>Bounded: the header is unauthenticated, so after {@code maxValues} distinct values (or for a
 * value longer than {@code maxLength}) a value is kept as it came, unshared. Thread-safe.
 *
 * <pre>{@code
 * SharedStrings shared = new SharedStrings(1024, 64);
 * String language = shared.share(header.getOrEmpty("language")); // "en": the same object each call
 * }</pre>
 */
final class SharedStrings {

  private final ConcurrentHashMap<String, String> copies = new ConcurrentHashMap<>();
  private final int maxValues;
  private final int maxLength;

  SharedStrings(int maxValues, int maxLength) {
    this.maxValues = maxValues;
    this.maxLength = maxLength;
  }

  /** The shared copy of {@code value} (equal to it), or {@code value} itself when not shared. */
  String share(String value) {
    if (value.isEmpty()) {
      return "";
    }
    String shared = copies.get(value);
    if (shared != null) {
      return shared;
    }
    if (value.length() > maxLength || copies.size() >= maxValues) {
      return value;
    }
    String first = copies.putIfAbsent(value, value);
    return first != null ? first : value;
  }

  /** How many values are shared now. */
  int size() {
    return copies.size();
  }
}

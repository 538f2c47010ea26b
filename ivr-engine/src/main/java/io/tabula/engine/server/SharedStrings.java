package io.tabula.engine.server;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each short header value that many calls repeat (the tenant and flow of a
 * route, {@code agi_language}, the list of AGI arguments), so that a call in progress keeps a
 * reference instead of its own strings: at 10,000 calls in progress each string a call keeps costs
 * about 50 bytes of heap times 10,000 (docs/engine.md, "The heap per call").
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
  private final ConcurrentHashMap<List<String>, List<String>> lists = new ConcurrentHashMap<>();
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

  /**
   * The shared, unmodifiable copy of {@code values} (equal to it, each value shared as by {@link
   * #share}), or an unmodifiable copy of its own when not shared: a list of values longer than
   * {@code maxLength} in all, or beyond {@code maxValues} distinct lists. An empty list is {@link
   * List#of()}.
   */
  List<String> shareAll(List<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    List<String> shared = lists.get(values);
    if (shared != null) {
      return shared;
    }
    List<String> copy = List.copyOf(values.stream().map(this::share).toList());
    int length = copy.stream().mapToInt(String::length).sum();
    if (length > maxLength || lists.size() >= maxValues) {
      return copy;
    }
    List<String> first = lists.putIfAbsent(copy, copy);
    return first != null ? first : copy;
  }

  /** How many values are shared now (lists not counted). */
  int size() {
    return copies.size();
  }
}

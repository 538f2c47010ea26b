package io.tabula.engine.agi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} block Asterisk sends when it opens a FastAGI connection, keys without the
 * {@code agi_} prefix, in wire order. Nothing in it is secret.
 *
 * <p>It holds the block's values as bytes, as {@link HeaderBlock} collected them, and makes a
 * string only of a value asked for: the engine reads six of two dozen.
 *
 * <pre>{@code
 * AgiHeader header = ...;
 * String path = header.networkScript(); // "city/parking?lang=en"
 * }</pre>
 */
public final class AgiHeader {

  /**
   * Per line: the key (a {@link HeaderKeys} index, or past them an other key), value start, end.
   */
  static final int INTS_PER_LINE = 3;

  private static final int[] ARGUMENT_KEYS = argumentKeys();

  private final byte[] text;
  private final int[] lines;
  private final int lineCount;
  private final List<String> otherKeys;

  /**
   * Takes over the arrays without a copy: only {@link HeaderBlock} makes headers, and it drops them
   * once the block is done.
   */
  AgiHeader(byte[] text, int[] lines, int lineCount, List<String> otherKeys) {
    this.text = text;
    this.lines = lines;
    this.lineCount = lineCount;
    this.otherKeys = otherKeys;
  }

  /**
   * Every variable, keys without the {@code agi_} prefix, in wire order (a key sent twice keeps its
   * first place and its last value); read-only, made on each call.
   */
  public Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (int line = 0; line < lineCount; line++) {
      variables.put(keyName(lines[line * INTS_PER_LINE]), value(line));
    }
    return Collections.unmodifiableMap(variables);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(valueOf(key));
  }

  public String getOrEmpty(String key) {
    String value = valueOf(key);
    return value == null ? "" : value;
  }

  /** {@code agi_network_script}: the text after {@code host:port/}, query included. */
  public String networkScript() {
    return getOrEmpty("network_script");
  }

  public String uniqueId() {
    return getOrEmpty("uniqueid");
  }

  public String channel() {
    return getOrEmpty("channel");
  }

  /** {@code agi_arg_1..N} in order; empty when AGI() had no arguments; read-only. */
  public List<String> arguments() {
    List<String> arguments = List.of(); // most calls have none: no list made for them
    for (int n = 1; ; n++) {
      int line = lastLine(n <= ARGUMENT_KEYS.length ? ARGUMENT_KEYS[n - 1] : otherKey("arg_" + n));
      if (line < 0) {
        return n == 1 ? arguments : Collections.unmodifiableList(arguments);
      }
      if (n == 1) {
        arguments = new ArrayList<>();
      }
      arguments.add(value(line));
    }
  }

  /** The request path and the count only: the caller id need not reach a log. */
  @Override
  public String toString() {
    return "AgiHeader[" + networkScript() + ", " + variables().size() + " variables]";
  }

  private String valueOf(String key) {
    int known = HeaderKeys.indexOf(key);
    int line = lastLine(known >= 0 ? known : otherKey(key));
    return line < 0 ? null : value(line);
  }

  /** The last line with this key (a key sent twice means its last value), or -1. */
  private int lastLine(int key) {
    if (key < 0) {
      return -1;
    }
    for (int line = lineCount - 1; line >= 0; line--) {
      if (lines[line * INTS_PER_LINE] == key) {
        return line;
      }
    }
    return -1;
  }

  /** The id of a key {@link HeaderKeys} does not know, or -1 when the block has no such key. */
  private int otherKey(String key) {
    int index = otherKeys.indexOf(key);
    return index < 0 ? -1 : HeaderKeys.count() + index;
  }

  private String keyName(int key) {
    int known = HeaderKeys.count();
    return key < known ? HeaderKeys.name(key) : otherKeys.get(key - known);
  }

  private String value(int line) {
    int start = lines[line * INTS_PER_LINE + 1];
    int end = lines[line * INTS_PER_LINE + 2];
    return new String(text, start, end - start, StandardCharsets.UTF_8);
  }

  private static int[] argumentKeys() {
    List<Integer> keys = new ArrayList<>();
    for (int n = 1; HeaderKeys.indexOf("arg_" + n) >= 0; n++) {
      keys.add(HeaderKeys.indexOf("arg_" + n));
    }
    return keys.stream().mapToInt(Integer::intValue).toArray();
  }
}

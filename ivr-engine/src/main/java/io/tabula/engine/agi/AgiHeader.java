package io.tabula.engine.agi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} block Asterisk sends when it opens a FastAGI connection, keys without the
 * {@code agi_} prefix, in wire order. Nothing in it is secret.
 *
 * <pre>{@code
 * AgiHeader header = ...;
 * String path = header.networkScript(); // "city/parking?lang=en"
 * }</pre>
 */
public final class AgiHeader {

  private final Map<String, String> variables;

  /**
   * Takes over {@code variables} (in wire order) without a copy: a copy per call was one more map
   * of two dozen entries for the collector. Only {@link HeaderBlock} makes headers, and it drops
   * its map once the block is done.
   */
  AgiHeader(Map<String, String> variables) {
    this.variables = Collections.unmodifiableMap(variables);
  }

  /** Every variable, keys without the {@code agi_} prefix, in wire order; read-only. */
  public Map<String, String> variables() {
    return variables;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(variables.get(key));
  }

  public String getOrEmpty(String key) {
    return variables.getOrDefault(key, "");
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

  /** {@code agi_arg_1..N} in order; absent when AGI() had no arguments. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    for (int n = 1; variables.containsKey("arg_" + n); n++) {
      arguments.add(variables.get("arg_" + n));
    }
    return arguments;
  }

  /** The request path and the count only: the caller id need not reach a log. */
  @Override
  public String toString() {
    return "AgiHeader[" + networkScript() + ", " + variables.size() + " variables]";
  }
}

package io.tabula.engine.agi;

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
 * <pre>{@code
 * AgiHeader header = ...;
 * String path = header.networkScript(); // "city/parking?lang=en"
 * }</pre>
 */
public record AgiHeader(Map<String, String> variables) {

  public AgiHeader {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
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
}

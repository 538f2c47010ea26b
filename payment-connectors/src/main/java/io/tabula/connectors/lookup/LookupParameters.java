package io.tabula.connectors.lookup;

import io.tabula.masking.memory.SecretField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named inputs of one lookup. {@link #toString()} shows the names only, so a parameter set can
 * appear in a log line or an exception without leaking what the caller keyed.
 *
 * <pre>{@code
 * LookupParameters parameters = LookupParameters.builder()
 *     .value("zip", "62704")
 *     .secret("account", callMemory.field("account"))
 *     .build();
 * }</pre>
 */
public final class LookupParameters {

  private final Map<String, LookupParameter> byName;

  private LookupParameters(Map<String, LookupParameter> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static LookupParameters none() {
    return new LookupParameters(Map.of());
  }

  public Optional<LookupParameter> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }

  @Override
  public String toString() {
    return "LookupParameters" + byName.keySet();
  }

  /** Collects parameters; a name given twice is a programming error. */
  public static final class Builder {
    private final Map<String, LookupParameter> byName = new LinkedHashMap<>();

    public Builder value(String name, String text) {
      return put(name, new LookupParameter.Value(text));
    }

    public Builder secret(String name, SecretField field) {
      return put(name, new LookupParameter.Secret(field));
    }

    private Builder put(String name, LookupParameter parameter) {
      if (byName.putIfAbsent(name, parameter) != null) {
        throw new IllegalArgumentException(
            "lookup parameter '" + name + "' is given twice; give each name once");
      }
      return this;
    }

    public LookupParameters build() {
      return new LookupParameters(byName);
    }
  }
}

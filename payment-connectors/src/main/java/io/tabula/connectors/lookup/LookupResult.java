package io.tabula.connectors.lookup;

import java.util.Map;
import java.util.Objects;

/** The outcome of a lookup: a row of typed values, nothing found, or a typed failure. */
public sealed interface LookupResult {

  /** The first matching row, its values by the names the tenant configuration gives them. */
  record Found(Map<String, LookupValue> values) implements LookupResult {
    public Found {
      values = Map.copyOf(values);
    }

    public LookupValue.Money money(String name) {
      return get(name, LookupValue.Money.class);
    }

    public LookupValue.Date date(String name) {
      return get(name, LookupValue.Date.class);
    }

    public LookupValue.Text text(String name) {
      return get(name, LookupValue.Text.class);
    }

    private <T extends LookupValue> T get(String name, Class<T> type) {
      LookupValue value = values.get(name);
      if (!type.isInstance(value)) {
        throw new IllegalArgumentException(
            "the lookup result has no "
                + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " value named '"
                + name
                + "'; it has "
                + values.keySet());
      }
      return type.cast(value);
    }
  }

  /** The query ran and matched nothing: a defined outcome, not a failure. */
  record NotFound() implements LookupResult {}

  /** The lookup could not be answered; the flow takes its error path. */
  record Failed(LookupFailure failure) implements LookupResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}

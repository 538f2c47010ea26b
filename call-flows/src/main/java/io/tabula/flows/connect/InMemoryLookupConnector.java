package io.tabula.flows.connect;

import io.tabula.masking.memory.SecretField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup connector over rows held in memory, for the simulator, tests and demos. Each row is
 * found by exact match of all its key inputs; secret inputs are compared digit by digit in place,
 * never copied into text.
 *
 * <pre>{@code
 * var city = new InMemoryLookupConnector("city-parking")
 *     .row("ticket", Map.of("ticket", "12345678"), Map.of("balance", money("45.00")));
 * }</pre>
 */
public final class InMemoryLookupConnector implements LookupConnector {

  private record Row(
      String tenant, String lookup, Map<String, String> keys, Map<String, Value> values) {}

  private final String name;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Integer> calls = new LinkedHashMap<>();

  public InMemoryLookupConnector(String name) {
    this.name = name;
  }

  /** Adds a row; returns this for chaining. */
  public synchronized InMemoryLookupConnector row(
      String tenant, String lookup, Map<String, String> keys, Map<String, Value> values) {
    rows.add(new Row(tenant, lookup, Map.copyOf(keys), Map.copyOf(values)));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized LookupResult lookup(LookupRequest request) {
    calls.merge(request.lookup(), 1, Integer::sum);
    boolean known = false;
    for (Row row : rows) {
      if (!row.tenant.equals(request.tenant()) || !row.lookup.equals(request.lookup())) {
        continue;
      }
      known = true;
      if (matches(row, request.inputs())) {
        return new LookupResult.Found(row.values);
      }
    }
    return known
        ? new LookupResult.NotFound()
        : new LookupResult.Failed(LookupResult.FailureKind.BAD_INPUT, false);
  }

  /** How many times each lookup name was asked, for tests. */
  public synchronized Map<String, Integer> calls() {
    return Map.copyOf(calls);
  }

  private static boolean matches(Row row, Map<String, LookupInput> inputs) {
    for (Map.Entry<String, String> key : row.keys.entrySet()) {
      LookupInput input = inputs.get(key.getKey());
      if (input == null || !equal(input, key.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(LookupInput input, String expected) {
    return switch (input) {
      case LookupInput.Plain(Value value) -> value.toString().equals(expected);
      case LookupInput.Secret(SecretField field) -> sameDigits(field, expected);
    };
  }

  static boolean sameDigits(SecretField field, String expected) {
    return field.read(
        digits -> {
          if (digits.length() != expected.length()) {
            return false;
          }
          int difference = 0;
          for (int i = 0; i < expected.length(); i++) {
            difference |= digits.digitAt(i) ^ expected.charAt(i);
          }
          return difference == 0;
        });
  }
}

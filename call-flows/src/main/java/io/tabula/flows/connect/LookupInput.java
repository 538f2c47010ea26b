package io.tabula.flows.connect;

import io.tabula.masking.memory.SecretField;
import java.util.Objects;

/**
 * One named input of a lookup: either a non-secret {@link Value} or a caller-keyed {@link
 * SecretField} (an account number, a PIN), which a connector reads only through {@link
 * SecretField#read} and writes straight into its request.
 */
public sealed interface LookupInput {

  /** A non-secret value. */
  record Plain(Value value) implements LookupInput {
    public Plain {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Digits in the call's secret memory; {@code toString()} shows only name and length. */
  record Secret(SecretField field) implements LookupInput {
    public Secret {
      Objects.requireNonNull(field, "field");
    }
  }
}

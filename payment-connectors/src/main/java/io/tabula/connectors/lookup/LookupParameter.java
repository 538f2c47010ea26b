package io.tabula.connectors.lookup;

import io.tabula.masking.memory.SecretField;
import java.util.Objects;

/**
 * One input of a lookup: a plain value that a caller may hear back (ticket number, ZIP code) or a
 * field of the call's secret memory, which is streamed into the database driver without ever
 * becoming a String.
 */
public sealed interface LookupParameter {

  /** A non-secret value. It is still never logged: {@link #toString()} hides it. */
  record Value(String text) implements LookupParameter {
    public Value {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return "Value[" + text.length() + " chars, hidden]";
    }
  }

  /** A secret field of the call's memory (its own {@code toString()} is masked). */
  record Secret(SecretField field) implements LookupParameter {
    public Secret {
      Objects.requireNonNull(field, "field");
    }
  }
}

package io.tabula.engine.ami;

import java.util.Objects;

/**
 * Where a redirected channel continues in Asterisk's dialplan.
 *
 * <p>Example: {@code new DialplanTarget("agents", "s", 1)} for {@code agents,s,1}.
 */
public record DialplanTarget(String context, String exten, int priority) {

  public DialplanTarget {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(exten, "exten");
    if (context.isBlank() || exten.isBlank() || priority < 1) {
      throw new IllegalArgumentException(
          "A dialplan target needs a context, an extension and a priority of 1 or more.");
    }
  }
}

package io.tabula.engine.ami;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The AMI part of the engine's configuration: every Asterisk to link to, and the options shared by
 * the links.
 *
 * <p>Example: {@code new AmiConfig(List.of(endpoint), AmiLinkOptions.defaults())}.
 */
public record AmiConfig(List<AmiEndpoint> endpoints, AmiLinkOptions options) {

  public AmiConfig {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(options, "options");
    Set<String> names = new HashSet<>();
    for (AmiEndpoint e : endpoints) {
      if (!names.add(e.name())) {
        throw new IllegalArgumentException(
            "Two AMI endpoints are named '" + e.name() + "'; give each Asterisk its own name.");
      }
    }
  }
}

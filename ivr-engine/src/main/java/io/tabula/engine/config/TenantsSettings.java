package io.tabula.engine.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tenants' connectors are configured.
 *
 * @param dir the folder of tenant files ({@code <tenant>.yaml}, see docs/tenants.md); empty keeps
 *     the built-in demo connectors, answering from demo data in memory
 */
public record TenantsSettings(String dir) {

  public TenantsSettings {
    dir = dir == null ? "" : dir.trim();
  }

  public boolean configured() {
    return !dir.isEmpty();
  }

  /** The folder; a relative path is read from the working directory, like {@code flows.store}. */
  public Optional<Path> folder() {
    return configured() ? Optional.of(Path.of(dir)) : Optional.empty();
  }
}

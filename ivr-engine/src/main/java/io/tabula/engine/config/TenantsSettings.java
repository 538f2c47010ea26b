package io.tabula.engine.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tenants' connectors are configured.
 *
 * @param dir the folder of tenant files ({@code <tenant>.yaml}, see docs/tenants.md); empty keeps
 *     the built-in demo connectors, answering from demo data in memory
 * @param journalConfig the call journal's configuration file ({@code journal.config},
 *     docs/journal.md); empty: no call is journaled
 */
public record TenantsSettings(String dir, String journalConfig) {

  public TenantsSettings {
    dir = dir == null ? "" : dir.trim();
    journalConfig = journalConfig == null ? "" : journalConfig.trim();
  }

  public TenantsSettings(String dir) {
    this(dir, "");
  }

  /** The journal configuration file, when calls are journaled. */
  public Optional<Path> journal() {
    return journalConfig.isEmpty() ? Optional.empty() : Optional.of(Path.of(journalConfig));
  }

  public boolean configured() {
    return !dir.isEmpty();
  }

  /** The folder; a relative path is read from the working directory, like {@code flows.store}. */
  public Optional<Path> folder() {
    return configured() ? Optional.of(Path.of(dir)) : Optional.empty();
  }
}

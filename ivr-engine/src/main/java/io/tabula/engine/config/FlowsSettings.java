package io.tabula.engine.config;

import java.time.Duration;

/**
 * Where the engine finds its flows.
 *
 * @param store the flow store folder that {@code tabula flows publish --store} writes; empty serves
 *     the flows shipped in the jar
 * @param pollInterval how often the engine looks for newly published versions
 * @param prompts where serve checks at start-up that every prompt has a sound file
 */
public record FlowsSettings(String store, Duration pollInterval, PromptsSettings prompts) {

  /** Flows whose prompts are not checked (the demo and tests play them on the virtual PBX). */
  public FlowsSettings(String store, Duration pollInterval) {
    this(store, pollInterval, PromptsSettings.unchecked());
  }

  public FlowsSettings {
    store = store == null ? "" : store.trim();
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new ConfigException("flows.pollInterval must be positive, e.g. 5s");
    }
  }

  public boolean shipped() {
    return store.isEmpty();
  }
}

package io.tabula.engine.config;

import java.time.Duration;

/**
 * Where the engine finds its flows.
 *
 * @param store the flow store folder that {@code tabula flows publish --store} writes; {@value
 *     #POSTGRES} for the shared store in PostgreSQL ({@code postgres}); empty serves the flows
 *     shipped in the jar
 * @param pollInterval how often the engine looks for newly published versions (with PostgreSQL: the
 *     check behind LISTEN/NOTIFY)
 * @param prompts where serve checks at start-up that every prompt has a sound file
 * @param postgres the PostgreSQL store, when {@code store} is {@value #POSTGRES}
 */
public record FlowsSettings(
    String store, Duration pollInterval, PromptsSettings prompts, PostgresStoreSettings postgres) {

  /** The {@code flows.store} value that selects the PostgreSQL store. */
  public static final String POSTGRES = "postgres";

  /** Flows whose prompts are not checked (the demo and tests play them on the virtual PBX). */
  public FlowsSettings(String store, Duration pollInterval) {
    this(store, pollInterval, PromptsSettings.unchecked());
  }

  /** A directory store (or the shipped flows). */
  public FlowsSettings(String store, Duration pollInterval, PromptsSettings prompts) {
    this(store, pollInterval, prompts, PostgresStoreSettings.none());
  }

  /** The PostgreSQL store, prompts unchecked (tests on the virtual PBX). */
  public static FlowsSettings postgres(PostgresStoreSettings postgres, Duration pollInterval) {
    return new FlowsSettings(POSTGRES, pollInterval, PromptsSettings.unchecked(), postgres);
  }

  public FlowsSettings {
    store = store == null ? "" : store.trim();
    postgres = postgres == null ? PostgresStoreSettings.none() : postgres;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new ConfigException("flows.pollInterval must be positive, e.g. 5s");
    }
    if (store.equals(POSTGRES)) {
      postgres.requireComplete();
    }
  }

  public boolean shipped() {
    return store.isEmpty();
  }

  /** Whether the flows come from the shared PostgreSQL store. */
  public boolean inPostgres() {
    return store.equals(POSTGRES);
  }
}

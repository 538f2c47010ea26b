package io.tabula.engine.server.guard;

/** Why a FastAGI connection was closed before the engine read a byte of it. */
public enum Refusal {
  /** Its source address is in no block of the allow-list. */
  PEER_NOT_ALLOWED("peer_not_allowed"),
  /** {@code agi.maxConnections} connections were already open. */
  ENGINE_LIMIT("engine_limit"),
  /** {@code agi.maxConnectionsPerPeer} connections from the same address were already open. */
  PEER_LIMIT("peer_limit");

  private final String tag;

  Refusal(String tag) {
    this.tag = tag;
  }

  /** The metric tag value. */
  public String tag() {
    return tag;
  }
}

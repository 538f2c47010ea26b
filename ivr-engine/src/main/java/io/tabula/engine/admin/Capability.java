package io.tabula.engine.admin;

/**
 * What callers can do with this engine, as health reports it: a part that is down takes away its
 * capability, not the whole engine. Calls without card entry still work while the AMI link is down,
 * so a load balancer should keep sending them.
 */
public enum Capability {
  /** Taking calls at all: the FastAGI listener and the call-memory pool. */
  CALLS("calls"),
  /** Secure steps (card number, expiry, security code, PIN): a recording that can be muted. */
  SECURE_INPUT("secure_input"),
  /** Database lookups and payments of a tenant. */
  TENANT_CONNECTORS("tenant_connectors"),
  /**
   * New flow versions reaching this engine: the flow store. While it is away calls are served by
   * the versions already live; only a new publish waits.
   */
  FLOW_UPDATES("flow_updates");

  private final String key;

  Capability(String key) {
    this.key = key;
  }

  /** The name in {@code /health}'s JSON. */
  public String key() {
    return key;
  }
}

package io.tabula.engine.admin;

/**
 * Where the admin endpoint listens. It serves {@code /health} and {@code /metrics}; keep it on
 * loopback or a management network, never on the carrier side.
 *
 * @param address bind address, default {@code 127.0.0.1}
 * @param port TCP port, default {@value #DEFAULT_PORT}; 0 picks a free port (tests)
 */
public record AdminConfig(String address, int port) {

  public static final int DEFAULT_PORT = 9573;

  public static AdminConfig defaults() {
    return new AdminConfig("127.0.0.1", DEFAULT_PORT);
  }
}

package io.tabula.engine.admin;

import io.tabula.engine.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the admin endpoint listens and what it asks of a client. It serves {@code /health} and
 * {@code /metrics}; keep it on loopback or a management network, never on the carrier side. Bound
 * beyond loopback, it requires a bearer token ({@link AdminToken}), so that nobody who can reach
 * the port reads the engine's state without it.
 *
 * @param address bind address, default {@code 127.0.0.1}
 * @param port TCP port, default {@value #DEFAULT_PORT}; 0 picks a free port (tests)
 * @param tokenFile file holding the bearer token every request must carry; empty for none, which is
 *     allowed only on a loopback address
 */
public record AdminConfig(String address, int port, String tokenFile) {

  public static final int DEFAULT_PORT = 9573;

  public AdminConfig {
    tokenFile = tokenFile == null ? "" : tokenFile.trim();
  }

  /** Without a token: for loopback addresses only. */
  public AdminConfig(String address, int port) {
    this(address, port, "");
  }

  public static AdminConfig defaults() {
    return new AdminConfig("127.0.0.1", DEFAULT_PORT, "");
  }

  public Optional<Path> token() {
    return tokenFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(tokenFile));
  }

  /**
   * Refuses an endpoint that anyone beyond this machine could reach without a token.
   *
   * @throws ConfigException naming the settings to change
   */
  public void requireAuthenticationBeyondLoopback() {
    if (token().isEmpty() && !loopback()) {
      throw new ConfigException(
          "admin.address is "
              + address
              + ", beyond loopback, and admin.tokenFile is empty, so anyone who reaches the port"
              + " could read /health and /metrics without a login. Put a random token in a file"
              + " readable only by the engine (openssl rand -hex 32 > /etc/tabula/admin-token) and"
              + " set admin.tokenFile (TABULA_ADMIN_TOKEN_FILE) to it, or set admin.address to"
              + " 127.0.0.1");
    }
  }

  private boolean loopback() {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

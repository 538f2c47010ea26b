package io.tabula.engine.ami;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One Asterisk the engine keeps an AMI link to. Immutable; {@code toString()} shows no secret.
 *
 * <p>Example: {@code new AmiEndpoint("pbx1", "10.0.0.5", 5038, "tabula",
 * AmiSecret.fromEnvironment("TABULA_AMI_SECRET"))}.
 *
 * @param name a short label for health output, logs and the {@code asterisk} metric tag
 * @param host host name or address of Asterisk's manager interface
 * @param port its TCP port, 5038 by default in manager.conf
 * @param username the manager.conf user section, {@code tabula} in the shipped manager.conf
 * @param secret that user's secret
 */
public record AmiEndpoint(String name, String host, int port, String username, AmiSecret secret) {

  /** Asterisk's default manager port. */
  public static final int DEFAULT_PORT = 5038;

  public AmiEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "AMI port " + port + " of '" + name + "' is out of range; use 1-65535 (default 5038).");
    }
  }

  InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }
}

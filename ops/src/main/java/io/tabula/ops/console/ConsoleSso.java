package io.tabula.ops.console;

import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.oidc.OidcConfigFile;
import io.tabula.ops.access.oidc.OidcSettings;
import io.tabula.ops.access.oidc.OidcSignIn;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Single sign-on for {@code tabula console --oidc-config FILE}. It fails closed twice: a file that
 * cannot be used stops the console before anything starts ({@link
 * io.tabula.ops.access.oidc.OidcConfigException}), and a provider that cannot be reached or does
 * not check out at start-up stops it too ({@link ProviderUnavailableException}), rather than a
 * console that silently offers no SSO.
 */
final class ConsoleSso {

  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "::0");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

  /** The provider could not be used at start-up; the message says what to check. */
  static final class ProviderUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private ConsoleSso() {}

  /** The settings in {@code file}; the redirect URI defaults to this console's callback. */
  static OidcSettings settings(Path file, String address, int port) {
    return OidcConfigFile.read(file, callback(address, port));
  }

  /**
   * The console's own callback as browsers on this machine or the network reach it (the name {@link
   * ConsoleServer#url()} prints), or empty when {@code --address} and {@code --port} do not say it:
   * a wildcard address or a port picked at start.
   */
  static Optional<URI> callback(String address, int port) {
    if (port == 0 || WILDCARDS.contains(address)) {
      return Optional.empty();
    }
    String host =
        LOOPBACK.contains(address)
            ? "localhost"
            : address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    return Optional.of(URI.create("https://" + host + ":" + port + "/oidc/callback"));
  }

  /** Discovers the provider (issuer, endpoints, keys) over verified TLS. */
  static OidcSignIn connect(OidcSettings settings, AccessControl access) {
    try {
      return new OidcSignIn(
          settings,
          access.accounts(),
          access.grants(),
          access.sessions(),
          access.trail(),
          access.settings());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      String cause =
          e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")";
      throw new ProviderUnavailableException(
          "single sign-on: "
              + e.getMessage()
              + cause
              + "; the console does not start without its identity provider: fix the"
              + " --oidc-config file (issuer, trustedCa) or the network, or start without"
              + " --oidc-config",
          e);
    }
  }
}

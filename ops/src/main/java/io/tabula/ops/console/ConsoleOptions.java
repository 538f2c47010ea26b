package io.tabula.ops.console;

import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.flowstore.FlowStoreDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the console runs.
 *
 * @param address where it listens (loopback unless it serves an ops network)
 * @param port its HTTPS port; 0 picks a free one
 * @param store the flow store folder the engines read ({@code flows.store}); with {@code
 *     sharedStore}, only the folder of the drafts
 * @param certificate the HTTPS certificate and key
 * @param engines the engines' admin endpoints whose {@code /metrics} the watch page reads
 * @param engineToken the bearer token of those endpoints ({@code admin.tokenFile}), or ""
 * @param sounds where a draft's prompts must have audio before it is published
 * @param sharedStore the PostgreSQL flow store the engines read ({@code flows.store: postgres}), or
 *     empty when {@code store} is the store
 */
public record ConsoleOptions(
    String address,
    int port,
    Path store,
    IssuedCertificate certificate,
    List<URI> engines,
    String engineToken,
    ConsoleSounds sounds,
    Optional<FlowStoreDatabase> sharedStore) {

  public ConsoleOptions {
    engines = List.copyOf(engines);
    sharedStore = sharedStore == null ? Optional.empty() : sharedStore;
  }

  /** Options whose flow store is the folder {@code store}. */
  public ConsoleOptions(
      String address,
      int port,
      Path store,
      IssuedCertificate certificate,
      List<URI> engines,
      String engineToken,
      ConsoleSounds sounds) {
    this(address, port, store, certificate, engines, engineToken, sounds, Optional.empty());
  }

  /** Options for engines whose admin endpoint needs no token (loopback). */
  public ConsoleOptions(
      String address,
      int port,
      Path store,
      IssuedCertificate certificate,
      List<URI> engines,
      ConsoleSounds sounds) {
    this(address, port, store, certificate, engines, "", sounds);
  }
}

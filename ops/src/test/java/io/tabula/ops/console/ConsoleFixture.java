package io.tabula.ops.console;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.flows.connect.DemoConnectors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A console on loopback for tests: the shipped flows published as version 1 in a fresh store, a
 * certificate from a test CA made for the test, and one account per role (password = name +
 * "-password-1").
 */
final class ConsoleFixture implements AutoCloseable {

  final Path store;
  final DevCertificateAuthority ca = DevCertificateAuthority.create("console test CA");
  final IssuedCertificate certificate =
      ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
  final ConsoleServer server;

  ConsoleFixture(Path folder, List<URI> engines) throws IOException {
    Clock clock = Clock.systemUTC();
    var connectors = DemoConnectors.create(clock);
    store = ConsoleCommand.seedStore(folder.resolve("flows"), connectors, clock);
    LocalAccounts accounts = new LocalAccounts();
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase(java.util.Locale.ROOT);
      accounts.add(name, role, password(name));
    }
    server =
        ConsoleServer.start(
            new ConsoleOptions("127.0.0.1", 0, store, certificate, engines),
            accounts,
            connectors,
            clock);
  }

  static char[] password(String user) {
    return (user + "-password-1").toCharArray();
  }

  URI url(String path) {
    return server.url().resolve(path);
  }

  @Override
  public void close() {
    server.close();
  }
}

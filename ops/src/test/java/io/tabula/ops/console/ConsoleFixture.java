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
  final Path sounds;
  final DevCertificateAuthority ca = DevCertificateAuthority.create("console test CA");
  final IssuedCertificate certificate =
      ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
  final ConsoleServer server;

  ConsoleFixture(Path folder, List<URI> engines) throws IOException {
    Clock clock = Clock.systemUTC();
    var connectors = DemoConnectors.create(clock);
    store = ConsoleCommand.seedStore(folder.resolve("flows"), connectors, clock);
    sounds = folder.resolve("sounds");
    for (String name : io.tabula.flows.store.ShippedFlowFiles.names()) {
      audioFor(io.tabula.flows.store.ShippedFlowFiles.read(name).orElseThrow());
    }
    LocalAccounts accounts = new LocalAccounts();
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase(java.util.Locale.ROOT);
      accounts.add(name, role, password(name));
    }
    server =
        ConsoleServer.start(
            new ConsoleOptions(
                "127.0.0.1", 0, store, certificate, engines, new ConsoleSounds(List.of(sounds))),
            accounts,
            connectors,
            clock);
  }

  /**
   * Makes a stand-in sound file for every prompt and language of a flow's text, where Asterisk
   * would look for it: the check is that a file exists, so one byte is enough.
   */
  void audioFor(String flowText) throws IOException {
    var flow = io.tabula.flows.parse.FlowParser.parse("draft.yaml", flowText).flow().orElseThrow();
    for (var prompt : io.tabula.ops.prompts.PlayedPrompt.of(flow)) {
      Path wav = sounds.resolve(prompt.language()).resolve(prompt.sound() + ".wav");
      java.nio.file.Files.createDirectories(wav.getParent());
      java.nio.file.Files.write(wav, new byte[] {1});
    }
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

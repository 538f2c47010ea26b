package io.tabula.ops.console;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.flows.connect.Connectors;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import io.tabula.ops.access.oidc.OidcSignIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code tabula console} from start to Ctrl-C, once its options are read: makes the first admin,
 * opens the journal, starts the server, tells the user where everything is, and waits to be
 * stopped.
 *
 * @param journalConfig the call journal's configuration ({@code --journal-config}), if given
 */
record ConsoleProcess(
    ConsoleAccess access,
    ConsoleFlowStore flows,
    Connectors connectors,
    Clock clock,
    Optional<OidcSignIn> sso,
    Optional<Path> journalConfig,
    PrintWriter out) {

  /**
   * Serves until {@code stopped} is counted down (by {@link ConsoleCommand#stop()} or Ctrl-C);
   * Ctrl-C then waits up to 30 s for {@code closed}, counted down once the access database is
   * closed.
   */
  int serveUntilStopped(ConsoleOptions options, CountDownLatch stopped, CountDownLatch closed)
      throws IOException, InterruptedException {
    List<String> tenants = flows.tenants(connectors, clock);
    Optional<char[]> firstPassword = access.firstAdmin(tenants);
    try (JournalOpened journal = JournalOpened.of(journalConfig);
        ConsoleServer console =
            ConsoleServer.start(
                options, access.control(), connectors, clock, journal.console(), sso)) {
      tellStarted(console, options.sounds(), firstPassword);
      // The hook waits until the access database is closed: that signs the trail's head a last
      // time, which the JVM would otherwise cut short.
      Thread hook =
          new Thread(
              () -> {
                stopped.countDown();
                try {
                  closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the close below.
      }
    }
    return 0;
  }

  /**
   * A server certificate from a new development CA, whose certificate is written into {@code work}
   * for the user's browser to trust.
   */
  static IssuedCertificate devCertificate(Path work, PrintWriter out) {
    DevCertificateAuthority authority =
        DevCertificateAuthority.create("Tabula console development CA");
    Path caFile = work.resolve("console-ca.crt");
    authority.writeCertificatePem(caFile);
    out.printf(
        "HTTPS certificate: from a new development CA; trust %s in your browser, or give --cert/--key/--ca%n",
        caFile);
    return authority.issue(CertificateRequest.server("localhost", "127.0.0.1"));
  }

  private void tellStarted(
      ConsoleServer console, ConsoleSounds audio, Optional<char[]> firstPassword) {
    out.printf("Tabula console: %s%n", console.url());
    out.printf("Flow store: %s%n", flows.describe());
    access.describe(out);
    sso.ifPresent(
        s ->
            out.printf(
                "Single sign-on: %s (redirect URI %s)%n",
                s.settings().issuer(), s.settings().redirectUri()));
    out.println(
        audio.dirs().isEmpty()
            ? "Prompt audio: no sounds folder, so publishing is refused; restart with --sounds DIR"
            : "Prompt audio: checked in " + audio.dirs() + " before each publish");
    firstPassword.ifPresent(
        password -> {
          out.print("First sign-in: user admin, one-time password ");
          out.print(password);
          out.println(
              " (shown once; you choose your own password and set up an authenticator app at"
                  + " the first sign-in)");
          Arrays.fill(password, '\0');
        });
    out.println("Ctrl-C stops it.");
    out.flush();
  }

  /** The journal's database while the console runs, when --journal-config is given. */
  private record JournalOpened(
      Optional<ConsoleJournal> console, Optional<JournalRuntime.Opened> opened)
      implements AutoCloseable {

    static JournalOpened of(Optional<Path> file) {
      if (file.isEmpty()) {
        return new JournalOpened(Optional.empty(), Optional.empty());
      }
      JournalConfig config = JournalConfig.read(file.get());
      JournalRuntime.Opened opened = JournalRuntime.open(config);
      return new JournalOpened(
          Optional.of(new ConsoleJournal(config, opened.database())), Optional.of(opened));
    }

    @Override
    public void close() {
      opened.ifPresent(JournalRuntime.Opened::close);
    }
  }
}

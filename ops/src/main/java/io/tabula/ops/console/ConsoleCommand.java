package io.tabula.ops.console;

import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.connectors.tls.PemFiles;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.ops.access.cli.AccessDatabaseOptions;
import io.tabula.ops.access.oidc.OidcConfigException;
import io.tabula.ops.access.oidc.OidcSettings;
import io.tabula.ops.access.oidc.OidcSignIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabula console}: the ops console in its own process. On the embedded defaults (no {@code
 * --store}) it makes a flow store with the shipped flows published as version 1, an HTTPS
 * certificate from a fresh development CA, and a first admin whose password it prints once.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "The ops console: see, edit, try, publish and roll back call flows in a browser (HTTPS).",
      "Without --store it starts on the embedded defaults: the shipped flows in a new store, a"
          + " development certificate, and a first admin whose password is printed once."
    })
public final class ConsoleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The flow store the engines read (their flows.store).")
  Path store;

  @Option(
      names = "--engine-config",
      paramLabel = "FILE",
      description =
          "The engines' settings file (tabula serve --config): publish to the store it names, a"
              + " folder or the shared PostgreSQL store (flows.store: postgres); instead of"
              + " --store.")
  Path engineConfig;

  @Option(
      names = "--drafts",
      paramLabel = "DIR",
      description =
          "With a PostgreSQL store: the folder for the drafts (default: a new temporary folder;"
              + " the editor starts from the newest published version).")
  Path drafts;

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--port",
      defaultValue = "9443",
      description = "HTTPS port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--cert", paramLabel = "PEM", description = "Server certificate (PEM).")
  Path cert;

  @Option(names = "--key", paramLabel = "PEM", description = "Its private key (PEM, PKCS#8).")
  Path key;

  @Option(names = "--ca", paramLabel = "PEM", description = "The CA that issued --cert (PEM).")
  Path ca;

  @Option(
      names = "--engine",
      paramLabel = "URL",
      description =
          "An engine's admin endpoint for the watch page (default: http://127.0.0.1:9573).")
  List<URI> engines = new ArrayList<>();

  @Option(
      names = "--engine-token-file",
      paramLabel = "FILE",
      description = "The engines' admin.tokenFile, for their /metrics beyond loopback.")
  Path engineTokenFile;

  @Mixin AccessDatabaseOptions accessDatabase;

  @Option(
      names = "--trail-key",
      paramLabel = "PEM",
      description =
          "The audit trail's Ed25519 private key (tabula audit trail keygen), with"
              + " --trail-public-key; needed with --db-host.")
  Path trailKey;

  @Option(
      names = "--trail-public-key",
      paramLabel = "PEM",
      description = "The public key of --trail-key.")
  Path trailPublicKey;

  @Option(
      names = "--totp-key",
      paramLabel = "FILE",
      description =
          "The key that seals TOTP secrets in the access database (tabula users totp-keygen);"
              + " needed with --db-host. Keep it outside the database, mode 0600.")
  Path totpKey;

  @Option(
      names = "--totp-old-key",
      paramLabel = "FILE",
      description =
          "A previous --totp-key (repeatable), after a rotation: secrets sealed under it are"
              + " resealed under --totp-key at start.")
  List<Path> olderTotpKeys = new ArrayList<>();

  @Option(
      names = "--sounds",
      paramLabel = "DIR",
      description =
          "Asterisk's sounds folder (astdatadir/sounds, as this machine sees it), or where tabula"
              + " prompts render --sounds wrote; a draft is published only when every prompt has"
              + " audio there in each of the flow's languages. Repeatable. Default: the checkout's"
              + " sounds/ folder; without any, publishing is refused.")
  List<Path> sounds = new ArrayList<>();

  @Option(
      names = "--journal-config",
      paramLabel = "YAML",
      description =
          "The call journal's configuration (docs/journal.md): the journal page then finds"
              + " records for reps and counts for auditors. Holds no private key.")
  Path journalConfig;

  @Option(
      names = "--oidc-config",
      paramLabel = "YAML",
      description =
          "Single sign-on through an OpenID Connect provider (docs/access.md): issuer, clientId,"
              + " clientSecretFile, groupRoles, ... The console does not start when the file or"
              + " the provider cannot be used.")
  Path oidcConfig;

  /** Counted down by Ctrl-C (the shutdown hook) or {@link #stop()}. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Stops a running console as Ctrl-C does; for tests that run the command in-process. */
  void stop() {
    stopped.countDown();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> problem = optionProblem();
    if (problem.isPresent()) {
      return refused(err, problem.get());
    }
    Optional<OidcSettings> sso;
    try {
      sso = Optional.ofNullable(oidcConfig).map(f -> ConsoleSso.settings(f, address, port));
    } catch (OidcConfigException e) {
      return refused(err, "tabula console: --oidc-config " + e.getMessage());
    }
    ConsoleSounds audio = ConsoleSounds.givenOrCheckout(sounds);
    Path work = Files.createTempDirectory("tabula-console-");
    Clock clock = Clock.systemUTC();
    Connectors connectors = DemoConnectors.create(clock);
    Optional<ConsoleFlowStore> named;
    try {
      named = ConsoleFlowStore.named(store, engineConfig, drafts, work);
    } catch (ConsoleFlowStore.UnusableStoreException e) {
      return refused(err, "tabula console: " + e.getMessage());
    }
    ConsoleFlowStore flows =
        named.isPresent()
            ? named.get()
            : ConsoleFlowStore.seeded(work, connectors, clock, audio, out);
    CountDownLatch closed = new CountDownLatch(1);
    try (ConsoleAccess access =
        ConsoleAccess.open(
            accessDatabase, trailKey, trailPublicKey, totpKey, olderTotpKeys, work)) {
      Optional<OidcSignIn> signIn = sso.map(s -> ConsoleSso.connect(s, access.control()));
      return serve(access, flows, connectors, clock, work, out, audio, signIn, closed);
    } catch (ConsoleSso.ProviderUnavailableException e) {
      return refused(err, "tabula console: " + e.getMessage());
    } finally {
      closed.countDown();
    }
  }

  /** The first option combination that cannot work, said as the user reads it; empty if none. */
  private Optional<String> optionProblem() {
    if ((cert == null) != (key == null) || (cert == null) != (ca == null)) {
      return Optional.of(
          "tabula console: --cert, --key and --ca go together; give all three (e.g. from tabula certs) or none.");
    }
    if (accessDatabase.given() && (trailKey == null || trailPublicKey == null)) {
      return Optional.of(
          "tabula console: with --db-host give --trail-key and --trail-public-key (tabula audit"
              + " trail keygen), so the audit trail's head is signed.");
    }
    if (accessDatabase.given() && totpKey == null) {
      return Optional.of(
          "tabula console: with --db-host give --totp-key (tabula users totp-keygen), the key"
              + " that seals TOTP secrets outside the database.");
    }
    return sounds.stream()
        .filter(dir -> !Files.isDirectory(dir))
        .findFirst()
        .map(
            dir ->
                dir
                    + ": error: no such folder; fix: give Asterisk's sounds folder"
                    + " (astdatadir/sounds) or the folder tabula prompts render --sounds wrote");
  }

  /** Tells {@code message} on standard error; the exit code of a command line that cannot run. */
  private static int refused(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return 2;
  }

  private int serve(
      ConsoleAccess access,
      ConsoleFlowStore flows,
      Connectors connectors,
      Clock clock,
      Path work,
      PrintWriter out,
      ConsoleSounds audio,
      Optional<OidcSignIn> sso,
      CountDownLatch closed)
      throws IOException, InterruptedException {
    IssuedCertificate certificate =
        cert != null
            ? PemFiles.readIssued(cert, key, ca)
            : ConsoleProcess.devCertificate(work, out);
    ConsoleOptions options =
        new ConsoleOptions(
            address,
            port,
            flows.flows(),
            certificate,
            engines.isEmpty() ? List.of(URI.create("http://127.0.0.1:9573")) : engines,
            engineTokenFile == null ? "" : Files.readString(engineTokenFile).strip(),
            audio,
            flows.shared());
    return new ConsoleProcess(
            access, flows, connectors, clock, sso, Optional.ofNullable(journalConfig), out)
        .serveUntilStopped(options, stopped, closed);
  }
}

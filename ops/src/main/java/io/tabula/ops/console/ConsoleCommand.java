package io.tabula.ops.console;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.connectors.tls.PemFiles;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.store.ShippedFlowFiles;
import io.tabula.flowstore.FlowStoreDatabase;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
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
    if ((cert == null) != (key == null) || (cert == null) != (ca == null)) {
      err.println(
          "tabula console: --cert, --key and --ca go together; give all three (e.g. from tabula certs) or none.");
      err.flush();
      return 2;
    }
    if (accessDatabase.given() && (trailKey == null || trailPublicKey == null)) {
      err.println(
          "tabula console: with --db-host give --trail-key and --trail-public-key (tabula audit"
              + " trail keygen), so the audit trail's head is signed.");
      err.flush();
      return 2;
    }
    if (accessDatabase.given() && totpKey == null) {
      err.println(
          "tabula console: with --db-host give --totp-key (tabula users totp-keygen), the key"
              + " that seals TOTP secrets outside the database.");
      err.flush();
      return 2;
    }
    for (Path dir : sounds) {
      if (!Files.isDirectory(dir)) {
        err.println(
            dir
                + ": error: no such folder; fix: give Asterisk's sounds folder (astdatadir/sounds)"
                + " or the folder tabula prompts render --sounds wrote");
        err.flush();
        return 2;
      }
    }
    Optional<OidcSettings> sso;
    try {
      sso = Optional.ofNullable(oidcConfig).map(f -> ConsoleSso.settings(f, address, port));
    } catch (OidcConfigException e) {
      err.println("tabula console: --oidc-config " + e.getMessage());
      err.flush();
      return 2;
    }
    ConsoleSounds audio = ConsoleSounds.givenOrCheckout(sounds);
    Path work = Files.createTempDirectory("tabula-console-");
    Clock clock = Clock.systemUTC();
    Connectors connectors = DemoConnectors.create(clock);
    Optional<io.tabula.ops.flows.StoreLocation> configured = configuredStore(err);
    if (configured == null) {
      return 2;
    }
    Optional<FlowStoreDatabase> shared = configured.flatMap(l -> l.postgres());
    Path flows =
        shared.isPresent()
            ? (drafts != null ? drafts : Files.createDirectories(work.resolve("drafts")))
            : configured.flatMap(l -> l.folder()).or(() -> Optional.ofNullable(store)).orElse(null);
    if (flows == null) {
      SeededStore seeded = seedStore(work.resolve("flows"), connectors, clock, audio);
      flows = seeded.root();
      if (!seeded.awaitingAudio().isEmpty()) {
        out.println(
            "Shipped flows kept as drafts, their prompts have no audio yet: "
                + seeded.awaitingAudio().stream().map(FlowRef::toString).toList()
                + "; render it with ./tabula prompts render (into the checkout's sounds/, or"
                + " --sounds DIR and start the console with the same --sounds), then publish them"
                + " in the console");
      }
    }
    CountDownLatch closed = new CountDownLatch(1);
    try (ConsoleAccess access =
        ConsoleAccess.open(
            accessDatabase, trailKey, trailPublicKey, totpKey, olderTotpKeys, work)) {
      Optional<OidcSignIn> signIn = sso.map(s -> ConsoleSso.connect(s, access.control()));
      return serve(access, flows, shared, connectors, clock, work, out, audio, signIn, closed);
    } catch (ConsoleSso.ProviderUnavailableException e) {
      err.println("tabula console: " + e.getMessage());
      err.flush();
      return 2;
    } finally {
      closed.countDown();
    }
  }

  /**
   * The store {@code --engine-config} names, empty without it, or null (the problem printed) when
   * it cannot be used.
   */
  private Optional<io.tabula.ops.flows.StoreLocation> configuredStore(PrintWriter err) {
    if (engineConfig == null) {
      return Optional.empty();
    }
    String problem;
    if (store != null) {
      problem = "give --store or --engine-config, not both";
    } else {
      try {
        return Optional.of(
            io.tabula.ops.flows.StoreLocation.fromEngineConfig(engineConfig, System.getenv()));
      } catch (IOException e) {
        problem =
            engineConfig
                + ": cannot read the engines' settings file ("
                + e.getClass().getSimpleName()
                + "); check the path and that this user may read it";
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    err.println("tabula console: " + problem);
    err.flush();
    return null;
  }

  private int serve(
      ConsoleAccess access,
      Path flows,
      Optional<FlowStoreDatabase> shared,
      Connectors connectors,
      Clock clock,
      Path work,
      PrintWriter out,
      ConsoleSounds audio,
      Optional<OidcSignIn> sso,
      CountDownLatch closed)
      throws IOException, InterruptedException {
    IssuedCertificate certificate =
        cert != null ? PemFiles.readIssued(cert, key, ca) : devCertificate(work, out);
    ConsoleOptions options =
        new ConsoleOptions(
            address,
            port,
            flows,
            certificate,
            engines.isEmpty() ? List.of(URI.create("http://127.0.0.1:9573")) : engines,
            engineTokenFile == null ? "" : Files.readString(engineTokenFile).strip(),
            audio,
            shared);
    List<String> tenants = tenants(flows, shared, connectors, clock);
    Optional<char[]> firstPassword = access.firstAdmin(tenants);
    try (JournalOpened journal = JournalOpened.of(journalConfig);
        ConsoleServer console =
            ConsoleServer.start(
                options, access.control(), connectors, clock, journal.console(), sso)) {
      out.printf("Tabula console: %s%n", console.url());
      out.printf(
          "Flow store: %s%n",
          shared.map(db -> db.url() + " (drafts in " + flows + ")").orElse(flows.toString()));
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
            java.util.Arrays.fill(password, '\0');
          });
      out.println("Ctrl-C stops it.");
      out.flush();
      // The hook waits until the access database is closed: that signs the trail's head a last
      // time, which the JVM would otherwise cut short.
      Thread hook =
          new Thread(
              () -> {
                stopped.countDown();
                try {
                  closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
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
   * A new store with the shipped flows.
   *
   * @param awaitingAudio the flows kept as drafts, because their prompts have no audio in the
   *     console's sounds folder
   */
  public record SeededStore(Path root, List<FlowRef> awaitingAudio) {}

  /**
   * The shipped flows as drafts, each published as version 1 through the check every publish passes
   * ({@link FlowLibrary#publish}, as {@code flows publish}): one whose prompts have no audio in
   * {@code sounds} stays a draft, named in {@link SeededStore#awaitingAudio}, and goes live once it
   * is rendered and published.
   *
   * @throws IllegalStateException when a shipped flow does not validate (a broken build)
   */
  public static SeededStore seedStore(
      Path root, Connectors connectors, Clock clock, ConsoleSounds sounds) throws IOException {
    FlowLibrary library =
        new FlowLibrary(
            root, io.tabula.flows.validate.ConnectorCatalog.of(connectors), clock, sounds);
    Account seed = Account.system("tabula console (shipped flows)");
    List<FlowRef> awaitingAudio = new ArrayList<>();
    for (String name : ShippedFlowFiles.names()) {
      String[] parts = name.replaceFirst("\\.yaml$", "").split("/");
      FlowRef ref = new FlowRef(parts[0], parts[1]);
      String text = ShippedFlowFiles.read(name).orElseThrow();
      library.saveDraft(ref, text);
      if (!library.checkToTry(ref, text).ok()) {
        throw new IllegalStateException(
            "the shipped flow " + name + " does not validate; run tabula flows validate flows/");
      }
      try {
        library.publish(ref, seed, "the shipped flow");
      } catch (io.tabula.flows.store.PublishRejectedException e) {
        // It validates: only its prompts' audio is missing.
        awaitingAudio.add(ref);
      }
    }
    return new SeededStore(root, List.copyOf(awaitingAudio));
  }

  private static List<String> tenants(
      Path flows, Optional<FlowStoreDatabase> shared, Connectors connectors, Clock clock)
      throws IOException {
    io.tabula.flows.validate.ConnectorCatalog catalog =
        io.tabula.flows.validate.ConnectorCatalog.of(connectors);
    FlowLibrary library =
        shared.isPresent()
            ? new FlowLibrary(
                flows,
                io.tabula.flowstore.PostgresFlowStore.open(
                    shared.get(), new io.tabula.flows.validate.FlowCompiler(catalog)),
                catalog,
                new ConsoleSounds(List.of()))
            : new FlowLibrary(flows, catalog, clock, new ConsoleSounds(List.of()));
    return library.flows().stream().map(FlowRef::tenant).distinct().sorted().toList();
  }

  private static IssuedCertificate devCertificate(Path work, PrintWriter out) {
    DevCertificateAuthority authority =
        DevCertificateAuthority.create("Tabula console development CA");
    Path caFile = work.resolve("console-ca.crt");
    authority.writeCertificatePem(caFile);
    out.printf(
        "HTTPS certificate: from a new development CA; trust %s in your browser, or give --cert/--key/--ca%n",
        caFile);
    return authority.issue(CertificateRequest.server("localhost", "127.0.0.1"));
  }

  /** The journal's database while the console runs, when --journal-config is given. */
  private record JournalOpened(
      Optional<ConsoleJournal> console, Optional<JournalRuntime.Opened> opened)
      implements AutoCloseable {

    static JournalOpened of(Path file) {
      if (file == null) {
        return new JournalOpened(Optional.empty(), Optional.empty());
      }
      JournalConfig config = JournalConfig.read(file);
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

package io.tabula.ops.console;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessDatabaseSettings;
import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.MovableClock;
import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.role.Role;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A console on loopback for tests: the shipped flows published as version 1 in a fresh store, a
 * certificate from a test CA made for the test, a fresh access database on the embedded PostgreSQL,
 * and one account per role on every shipped tenant (password = name + "-password-1", an
 * authenticator enrolled; {@link #code} gives its current code). The access library's clock is
 * {@link #clock}: tests move it, nothing sleeps.
 */
final class ConsoleFixture implements AutoCloseable {

  static final Actor SETUP = new Actor("test-setup", "local");
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** The roles each test account holds on every tenant. */
  static final Map<String, List<Role>> ROLES =
      Map.of(
          "viewer", List.of(Role.VIEWER),
          "editor", List.of(Role.VIEWER, Role.EDITOR),
          "publisher", List.of(Role.VIEWER, Role.EDITOR, Role.PUBLISHER),
          "auditor", List.of(Role.AUDITOR),
          "admin", List.of(Role.values()));

  final Path store;
  final Path sounds;
  final DevCertificateAuthority ca = DevCertificateAuthority.create("console test CA");
  final IssuedCertificate certificate =
      ca.issue(CertificateRequest.server("localhost", "127.0.0.1"));
  final MovableClock clock = new MovableClock(Instant.now());
  final AccessDatabaseSettings databaseSettings = AccessTestDatabase.fresh();
  final AccessDatabase database;
  final AccessControl access;
  final ConsoleServer server;
  private final Map<String, byte[]> secrets = new HashMap<>();

  ConsoleFixture(Path folder, List<URI> engines) throws Exception {
    this(folder, engines, settings -> settings);
  }

  /** As above, with the journal page reading {@code journal}. */
  ConsoleFixture(Path folder, List<URI> engines, Optional<ConsoleJournal> journal)
      throws Exception {
    this(folder, engines, settings -> settings, 0, access -> Optional.empty(), journal);
  }

  /** A console whose access settings {@code tune} changes (e.g. a trusted proxy). */
  ConsoleFixture(Path folder, List<URI> engines, UnaryOperator<AccessSettings> tune)
      throws Exception {
    this(folder, engines, tune, 0, access -> Optional.empty());
  }

  /** A console on {@code port} (0: any) with single sign-on as {@code sso} makes it. */
  ConsoleFixture(
      Path folder,
      List<URI> engines,
      UnaryOperator<AccessSettings> tune,
      int port,
      java.util.function.Function<AccessControl, Optional<io.tabula.ops.access.oidc.OidcSignIn>>
          sso)
      throws Exception {
    this(folder, engines, tune, port, sso, Optional.empty());
  }

  /** The console every other constructor makes: single sign-on and the journal page optional. */
  ConsoleFixture(
      Path folder,
      List<URI> engines,
      UnaryOperator<AccessSettings> tune,
      int port,
      java.util.function.Function<AccessControl, Optional<io.tabula.ops.access.oidc.OidcSignIn>>
          sso,
      Optional<ConsoleJournal> journal)
      throws Exception {
    Clock system = Clock.systemUTC();
    var connectors = DemoConnectors.create(system);
    sounds = folder.resolve("sounds");
    for (String name : io.tabula.flows.store.ShippedFlowFiles.names()) {
      audioFor(io.tabula.flows.store.ShippedFlowFiles.read(name).orElseThrow());
    }
    store =
        SeededStore.seed(
                folder.resolve("flows"), connectors, system, new ConsoleSounds(List.of(sounds)))
            .root();
    database = AccessDatabase.open(databaseSettings);
    access =
        new AccessControl(
            database.dataSource(),
            tune.apply(AccessSettings.defaults().withClock(clock)),
            Optional.of(trailSigner(folder)),
            Optional.of(TotpSecretCipher.load(totpKey(folder), List.of())));
    for (var entry : ROLES.entrySet()) {
      createEnrolled(entry.getKey());
      for (String tenant : List.of("city", "utility")) {
        for (Role role : entry.getValue()) {
          access.admin().grant(SETUP, entry.getKey(), tenant, role);
        }
      }
    }
    server =
        ConsoleServer.start(
            new ConsoleOptions(
                "127.0.0.1", port, store, certificate, engines, new ConsoleSounds(List.of(sounds))),
            access,
            connectors,
            system,
            journal,
            sso.apply(access));
  }

  /** The trail is signed, so the trail page's verify has a public key to check with. */
  private static io.tabula.ops.access.audit.TrailSigner trailSigner(Path folder) throws Exception {
    Path key = folder.resolve("trail.key");
    Path pub = folder.resolve("trail.pub");
    io.tabula.ops.access.audit.TrailKeys.generate(key, pub);
    return io.tabula.ops.access.audit.TrailKeys.signer(key, pub);
  }

  private static Path totpKey(Path folder) throws java.io.IOException {
    Path key = folder.resolve("totp.key");
    TotpSecretCipher.generate(key);
    return key;
  }

  /** Creates {@code user} with its password and an enrolled authenticator. */
  void createEnrolled(String user) throws Exception {
    char[] oneTime = access.admin().create(SETUP, user);
    access.signIn().changePassword(user, oneTime, password(user), LOOPBACK, null);
    SignInOutcome outcome;
    try (SignInAttempt attempt =
        new SignInAttempt(user, password(user), Optional.empty(), LOOPBACK)) {
      outcome = access.signIn().signIn(attempt);
    }
    long id = ((SignInOutcome.MfaEnrolmentRequired) outcome).accountId();
    byte[] secret = AccessFixture.secretOf(access.beginMfaEnrolment(id, "127.0.0.1").uri());
    if (access.confirmMfaEnrolment(id, currentCode(secret), "127.0.0.1").isEmpty()) {
      throw new IllegalStateException("enrolment of " + user + " did not confirm");
    }
    secrets.put(user, secret);
  }

  /**
   * A fresh code of {@code user}'s authenticator: the clock moves on one TOTP step first, since a
   * code of a step already used is refused (replay).
   */
  String code(String user) {
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    return AccessFixture.sixDigits(currentCode(secrets.get(user)));
  }

  private int currentCode(byte[] secret) {
    return Totp.standard().code(secret, Totp.step(clock.instant()));
  }

  /** Stand-in audio for every prompt and language of a flow's text, in {@link #sounds}. */
  void audioFor(String flowText) throws java.io.IOException {
    io.tabula.ops.prompts.StandInAudio.forFlow(sounds, flowText);
  }

  static char[] password(String user) {
    return (user + "-password-1").toCharArray();
  }

  /** The draft of city's parking-ticket flow, the flow most console tests change. */
  Path draft() {
    return store.resolve("city/parking-ticket.yaml");
  }

  /** The files of city/parking-ticket's published versions, oldest first ({@code 000001.yaml}). */
  List<String> publishedVersions() throws java.io.IOException {
    try (java.util.stream.Stream<Path> files =
        Files.list(store.resolve(".published/city/parking-ticket"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  /**
   * Saves, as the user signed in on {@code client}, a draft of city/parking-ticket with a changed
   * welcome prompt (its audio rendered), as the editor does.
   */
  java.net.http.HttpResponse<String> saveChangedDraft(ConsoleClient client, String csrf)
      throws Exception {
    String changed = Files.readString(draft()).replace("Welcome to the City", "Welcome to City");
    audioFor(changed);
    return client.post("/flows/city/parking-ticket/draft", Map.of("_csrf", csrf, "yaml", changed));
  }

  URI url(String path) {
    return server.url().resolve(path);
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}

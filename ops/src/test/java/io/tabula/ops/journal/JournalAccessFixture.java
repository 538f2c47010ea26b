package io.tabula.ops.journal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.run.FlowEvents;
import io.tabula.flows.run.FlowRunner;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.simulate.FlowSimulator;
import io.tabula.flows.simulate.KeySource;
import io.tabula.flows.simulate.SimulatedCallPort;
import io.tabula.flows.simulate.Transcript;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.journal.DemoJournal;
import io.tabula.journal.DemoJournalHome;
import io.tabula.journal.JournalConfig;
import io.tabula.journal.JournalRuntime;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessDatabaseSettings;
import io.tabula.ops.access.AccessFixture;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.AccessTestDatabase;
import io.tabula.ops.access.account.AccountAdmin.Actor;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.mfa.Totp;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.role.Role;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's call journal (keys, search keys, an embedded PostgreSQL) in a temporary home, with one
 * real journaled call of {@code city} whose account ({@link #ACCOUNT}) and ticket ({@link #TICKET})
 * are sealed, and an access database whose users sign in on the system clock (as the CLI does):
 * each sign-in uses one of the user's recovery codes, so no test waits for the next TOTP step.
 */
public final class JournalAccessFixture implements AutoCloseable {

  public static final String ACCOUNT = "1002003004";
  public static final String TICKET = "12345678";
  private static final Actor SETUP = new Actor("test-setup", "local");
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  final Path home;
  final Path demoConfig;
  final Path accessConfig;
  final Path keys;
  final AccessDatabaseSettings dbSettings;
  final AccessDatabase database;
  final AccessControl access;
  private final Map<String, Deque<String>> recoveryCodes = new HashMap<>();

  JournalAccessFixture(Path home) throws Exception {
    this.home = home;
    // As root the embedded server runs as nobody, who must pass through the test's folder.
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
    System.setProperty(DemoJournalHome.PROPERTY, home.toString());
    demoConfig = DemoJournal.ensure();
    keys = demoConfig.getParent().resolve("keys");
    journalOneCall(demoConfig);
    dbSettings = AccessTestDatabase.fresh();
    database = AccessDatabase.open(dbSettings);
    Path totpKey = home.resolve("totp.key");
    TotpSecretCipher.generate(totpKey);
    access =
        new AccessControl(
            database.dataSource(),
            AccessSettings.defaults().withClock(Clock.systemUTC()),
            Optional.empty(),
            Optional.of(TotpSecretCipher.load(totpKey, List.of())));
    accessConfig = demoConfig.resolveSibling("journal-access.yaml");
    Files.writeString(
        accessConfig,
        Files.readString(demoConfig)
            + "access:\n"
            + "  host: localhost\n"
            + "  port: "
            + dbSettings.port()
            + "\n  name: "
            + dbSettings.database()
            + "\n  user: "
            + dbSettings.user()
            + "\n  passwordFile: "
            + dbSettings.passwordFile()
            + "\n  caCertificate: "
            + dbSettings.caCertificate()
            + "\n  totpKey: "
            + totpKey
            + "\n");
  }

  /** The account+ticket variant of the parking flow: welcome, account, then the shipped steps. */
  static String accountAndTicketFlow() throws Exception {
    String shipped =
        Files.readString(
            Path.of(System.getProperty("tabula.repo.dir", ".."))
                .resolve("flows/city/parking-ticket.yaml"));
    String askAccount =
        String.join(
            "\n",
            "    say: [welcome]",
            "    next: ask-account",
            "",
            "  ask-account:",
            "    collect:",
            "      field: account",
            "      journal: encrypt",
            "      kind: digits",
            "      prompt: enter-ticket",
            "      min_digits: 10",
            "      max_digits: 10",
            "      terminator: \"#\"",
            "      first_digit_timeout: 8s",
            "      inter_digit_timeout: 4s",
            "      attempts: 3",
            "      invalid_prompt: ticket-invalid",
            "      no_input_prompt: no-input",
            "    next: ask-ticket",
            "    on_failure: to-agent");
    String changed = shipped.replace("    say: [welcome]\n    next: ask-ticket", askAccount);
    if (changed.equals(shipped)) {
      throw new IllegalStateException("the parking flow's welcome step changed; update this test");
    }
    return changed;
  }

  /** One paid call of the account+ticket flow, journaled into {@code config}'s journal. */
  public static void journalOneCall(Path config) throws Exception {
    Clock clock = Clock.systemUTC();
    Path file = Files.createTempFile(config.getParent(), "account-ticket-", ".yaml");
    Files.writeString(file, accountAndTicketFlow());
    FlowCompiler.Compiled compiled =
        new FlowCompiler(ConnectorCatalog.of(DemoConnectors.create(clock))).compile(file);
    Flow flow =
        compiled.flow().orElseThrow(() -> new AssertionError(compiled.problems().toString()));
    try (JournalRuntime journal =
            JournalRuntime.start(JournalConfig.read(config), new SimpleMeterRegistry());
        CallMemoryPool pool = FlowSimulator.smallPool()) {
      if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory memory))) {
        throw new IllegalStateException("the test's call memory is full");
      }
      try {
        CallInfo info =
            new CallInfo(
                CallId.random(new SecureRandom()),
                "sim-0001",
                flow.tenant(),
                flow.name(),
                "SIP/sim-00000001",
                "5551234",
                "en",
                List.of());
        SimulatedCallPort port =
            new SimulatedCallPort(
                info,
                memory,
                KeySource.script(ACCOUNT + "# " + TICKET + "# 1 4242424242424242# 1230 123"),
                new Transcript());
        new FlowRunner(flow, DemoConnectors.create(clock), new RunnerConfig(clock, FlowEvents.NONE))
            .handle(port, journal.capture().open(flow, 1, info));
      } finally {
        memory.release();
      }
      if (!journal.queue().awaitDrained(Duration.ofSeconds(30))) {
        throw new IllegalStateException("the journaled call was not written in 30 s");
      }
    }
  }

  /** A user with these roles on {@code tenant}, enrolled, with recovery codes for the CLI. */
  void user(String login, String tenant, Role... roles) throws Exception {
    char[] oneTime = access.admin().create(SETUP, login);
    access.signIn().changePassword(login, oneTime, password(login), LOOPBACK, null);
    SignInOutcome outcome;
    try (SignInAttempt attempt =
        new SignInAttempt(login, password(login), Optional.empty(), LOOPBACK)) {
      outcome = access.signIn().signIn(attempt);
    }
    long id = ((SignInOutcome.MfaEnrolmentRequired) outcome).accountId();
    byte[] secret = AccessFixture.secretOf(access.beginMfaEnrolment(id, "127.0.0.1").uri());
    int code = Totp.standard().code(secret, Totp.step(Instant.now()));
    List<String> codes = access.confirmMfaEnrolment(id, code, "127.0.0.1");
    if (codes.isEmpty()) {
      throw new IllegalStateException("enrolment of " + login + " did not confirm");
    }
    recoveryCodes.put(login, new ArrayDeque<>(codes));
    for (Role role : roles) {
      access.admin().grant(SETUP, login, tenant, role);
    }
    Files.writeString(passwordFile(login), new String(password(login)));
  }

  static char[] password(String login) {
    return (login + "-password-1").toCharArray();
  }

  Path passwordFile(String login) {
    return home.resolve(login + ".password");
  }

  /** A recovery code of {@code login} not used yet. */
  String code(String login) {
    return recoveryCodes.get(login).pop();
  }

  @Override
  public void close() {
    database.close();
    System.clearProperty(DemoJournalHome.PROPERTY);
  }
}

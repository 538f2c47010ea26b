package io.tabula.engine.asterisk;

import static org.awaitility.Awaitility.await;

import io.tabula.engine.residue.CustomerSide;
import io.tabula.engine.residue.EngineHome;
import io.tabula.engine.residue.EngineProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The whole chain on loopback, with a real Asterisk in the middle: the customer side (embedded
 * PostgreSQL over TLS, the gateway simulator, tenant files), {@code tabula serve} in its own JVM
 * with AMI configured, the Asterisk under test running the shipped docker/asterisk configuration
 * (its AMI reached by the engine through a {@link TcpRelay} the test can cut), and a second
 * Asterisk that calls it over PJSIP as a carrier would. Stopped in reverse order.
 *
 * <pre>{@code
 * try (RealAsteriskStack stack = RealAsteriskStack.start(install, workDir)) {
 *   stack.callerAmi().action("Originate", ...);
 * }
 * }</pre>
 */
final class RealAsteriskStack implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private CustomerSide customer;
  private EngineProcess engine;
  private InetSocketAddress admin;
  private TcpRelay amiRelay;
  private AsteriskProcess pbx;
  private AsteriskProcess caller;
  private Ami pbxAmi;
  private Ami callerAmi;
  private String amiSecret;
  private PbxPorts pbxPorts;

  private RealAsteriskStack() {}

  static RealAsteriskStack start(AsteriskInstall install, Path work) throws Exception {
    RealAsteriskStack stack = new RealAsteriskStack();
    try {
      stack.startAll(install, work);
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(AsteriskInstall install, Path work) throws Exception {
    pbxPorts = PbxPorts.pick();
    PbxPorts callerPorts = PbxPorts.pick();
    amiSecret = secret();
    String testSecret = secret();
    amiRelay = push(TcpRelay.start(pbxPorts.ami()));

    EngineHome home = EngineHome.create(work.resolve("engine"));
    customer = push(CustomerSide.start(home.config()));
    Path secretFile = home.config().resolve("secrets/ami-secret");
    Files.writeString(secretFile, amiSecret + "\n");
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    // Asterisk's sounds first, so that serve's start-up check holds every prompt it may play
    // against the folder Asterisk reads, as a deployment with a shared sounds volume does.
    PbxDirectory pbxDir = PbxDirectory.create(work.resolve("pbx"), install);
    PromptAudio.install(pbxDir.sounds());
    home.writeConfig(
        customer.tenantsDir(),
        """
        ami:
          host: 127.0.0.1
          port: %d
          username: tabula
          secretFile: %s
        prompts:
          soundsDirs: %s
          check: required
        """
            .formatted(amiRelay.port(), secretFile, pbxDir.sounds()));
    engine = push(EngineProcess.start(home.processOptions(List.of())));
    InetSocketAddress agi = engine.agiAddress();
    admin = engine.adminAddress();

    new ShippedAsterisk(agi, pbxPorts, callerPorts.sip(), amiSecret, testSecret).renderInto(pbxDir);
    PbxDirectory callerDir = PbxDirectory.create(work.resolve("caller"), install);
    new CallerPbx(callerPorts, pbxPorts.sip(), testSecret).renderInto(callerDir);

    pbx = push(AsteriskProcess.start(install, pbxDir));
    caller = push(AsteriskProcess.start(install, callerDir));
    pbxAmi = push(Ami.login(pbxPorts.ami(), ShippedAsterisk.TEST_USER, testSecret));
    callerAmi = push(Ami.login(callerPorts.ami(), ShippedAsterisk.TEST_USER, testSecret));
    awaitEngineServing();
  }

  /**
   * Waits until the engine takes calls with secure input: /health answers 200 while only the AMI
   * link is down too (calls without card entry still work), so the wait is for the secure-input
   * capability itself, or a call could reach card entry before the link is up and fail closed.
   */
  void awaitEngineServing() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> health = health();
              return health.statusCode() == 200
                  && health.body().contains("\"secure_input\":\"UP\"");
            });
  }

  /** The engine's /health answer: status and JSON body. */
  HttpResponse<String> health() throws Exception {
    return adminGet("/health");
  }

  /** The engine's Prometheus text. */
  String metrics() throws Exception {
    return adminGet("/metrics").body();
  }

  private HttpResponse<String> adminGet(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + admin.getPort() + path);
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private <T extends AutoCloseable> T push(T part) {
    started.push(part);
    return part;
  }

  CustomerSide customer() {
    return customer;
  }

  AsteriskProcess pbx() {
    return pbx;
  }

  AsteriskProcess caller() {
    return caller;
  }

  Ami pbxAmi() {
    return pbxAmi;
  }

  Ami callerAmi() {
    return callerAmi;
  }

  TcpRelay amiRelay() {
    return amiRelay;
  }

  /** The AMI port of the Asterisk under test (the engine reaches it through the relay). */
  int pbxAmiPort() {
    return pbxPorts.ami();
  }

  String amiSecret() {
    return amiSecret;
  }

  EngineProcess engine() {
    return engine;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("Stopping a part of the real-Asterisk stack failed: " + e);
      }
    }
  }
}

package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.uring.IoUring;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.server.guard.ConnectionGuard;
import io.tabula.engine.server.guard.Refusal;
import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallHandlers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI port's door, over real loopback sockets: refused connections are closed before the
 * engine reads a byte (no flow runs, no slot is taken, no call is counted), admitted ones become
 * calls, and a closed connection gives its place back. Linux routes all of 127.0.0.0/8 to loopback,
 * so binding the client to 127.0.0.2 gives a second peer address.
 */
class ConnectionGuardEndToEndTest {

  private static final InetAddress FIRST = address("127.0.0.1");
  private static final InetAddress SECOND = address("127.0.0.2");

  private final AtomicInteger flowsStarted = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();
  private final List<Socket> resetWhileConnecting = new ArrayList<>();

  /** Each admitted call asks for a variable and waits for the reply the test never sends. */
  private final CallHandlers waiting =
      (tenant, flow) ->
          Optional.of(
              (CallHandler)
                  call -> {
                    flowsStarted.incrementAndGet();
                    call.variable("WAITING");
                  });

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Test
  void aPeerOutsideTheAllowListIsClosedBeforeTheEngineReadsAByte() throws Exception {
    EngineConfig config = config("TABULA_AGI_ALLOWED_PEERS", "127.0.0.1/32");
    try (Engine engine = start(config)) {
      assertRefused(call(engine, SECOND));
      assertAdmitted(call(engine, FIRST));

      assertThat(engine.guard().refused(Refusal.PEER_NOT_ALLOWED)).isEqualTo(1);
      assertThat(flowsStarted).hasValue(1);
      assertThat(engine.pool().slotsInUse()).isEqualTo(1);
      assertThat(engine.activeCalls()).isEqualTo(1);
      assertThat(
              engine
                  .metrics()
                  .registry()
                  .get("tabula.agi.connections.refused")
                  .tag("reason", "peer_not_allowed")
                  .counter()
                  .count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aFloodOfStrangersIsCountedInFullButLoggedOnceAndCallsGoOn() throws Exception {
    Logger guardLog = (Logger) LoggerFactory.getLogger(ConnectionGuard.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    guardLog.addAppender(logged);
    try (Engine engine = start(config("TABULA_AGI_ALLOWED_PEERS", "127.0.0.1/32"))) {
      for (int i = 0; i < 50; i++) {
        assertRefused(call(engine, SECOND));
      }
      assertAdmitted(call(engine, FIRST));

      assertThat(engine.guard().refused(Refusal.PEER_NOT_ALLOWED)).isEqualTo(50);
      assertThat(logged.list)
          .filteredOn(e -> e.getFormattedMessage().contains("refused"))
          .singleElement()
          .satisfies(e -> assertThat(e.getFormattedMessage()).contains("127.0.0.2"));
    } finally {
      guardLog.detachAppender(logged);
    }
  }

  @Test
  void theTotalCapRefusesTheNextConnectionAndAClosedOneGivesItsPlaceBack() throws Exception {
    EngineConfig config =
        config("TABULA_AGI_MAX_CONNECTIONS", "2", "TABULA_AGI_MAX_CONNECTIONS_PER_PEER", "2");
    Logger guardLog = (Logger) LoggerFactory.getLogger(ConnectionGuard.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    guardLog.addAppender(logged);
    try (Engine engine = start(config)) {
      Socket first = call(engine, FIRST);
      assertAdmitted(first);
      assertAdmitted(call(engine, SECOND));

      assertRefused(call(engine, SECOND));
      assertThat(engine.guard().refused(Refusal.ENGINE_LIMIT)).isEqualTo(1);
      assertThat(flowsStarted).hasValue(2);
      // The line tells a telephony admin how many of the open connections are calls.
      assertThat(logged.list)
          .filteredOn(e -> e.getFormattedMessage().contains("refused"))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("2 connections open (2 of them calls in progress"));

      first.close();
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.guard().open() == 1);
      assertAdmitted(call(engine, FIRST));
      assertThat(engine.metrics().ended(CallOutcome.REJECTED_ENGINE_FULL)).isZero();
    } finally {
      guardLog.detachAppender(logged);
    }
  }

  /**
   * Each transport half-closes with code of its own (NIO with the engine's, see {@code
   * HalfClosingChannel}). Not epoll: the engine does not ship its native library.
   */
  @ParameterizedTest
  @EnumSource(names = {"IO_URING", "NIO"})
  void aCallThatEndedGivesItsPlaceBackWhenTheEngineHalfClosesEvenIfAsteriskHasNotClosed(
      Transport transport) throws Exception {
    if (transport == Transport.IO_URING) {
      assumeThat(IoUring.isAvailable()).as("io_uring loads on this machine").isTrue();
    }
    // A linger far longer than the test, so only the half-close can give the place back.
    EngineConfig config =
        config(
            "TABULA_AGI_TRANSPORT", transport.settingName(),
            "TABULA_AGI_MAX_CONNECTIONS", "2",
            "TABULA_AGI_MAX_CONNECTIONS_PER_PEER", "2",
            "TABULA_CALL_CLOSE_LINGER", "60s");
    try (Engine engine = start(config)) {
      Socket ending = call(engine, FIRST);
      assertAdmitted(ending);
      assertAdmitted(call(engine, SECOND));

      // The flow gets its variable and returns; the engine half-closes. The test keeps its side
      // of that connection open, as a slow Asterisk would.
      replyUntilTheEngineHalfCloses(ending, "200 result=1 (x)");
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.guard().open() == 1);

      assertAdmitted(call(engine, SECOND));
      assertThat(engine.guard().refused(Refusal.ENGINE_LIMIT)).isZero();
      assertThat(engine.guard().open()).isEqualTo(2);
    }
  }

  @Test
  void thePerPeerCapCountsEachAddressOnItsOwn() throws Exception {
    EngineConfig config =
        config("TABULA_AGI_MAX_CONNECTIONS", "10", "TABULA_AGI_MAX_CONNECTIONS_PER_PEER", "1");
    try (Engine engine = start(config)) {
      assertAdmitted(call(engine, FIRST));
      assertRefused(call(engine, FIRST));
      assertAdmitted(call(engine, SECOND));

      assertThat(engine.guard().refused(Refusal.PEER_LIMIT)).isEqualTo(1);
      assertThat(engine.guard().open(FIRST)).isEqualTo(1);
      assertThat(engine.guard().open(SECOND)).isEqualTo(1);
      assertThat(flowsStarted).hasValue(2);
    }
  }

  @Test
  void theConfiguredAsterisksJoinTheAllowList() throws Exception {
    EngineConfig config = config("TABULA_AMI_HOST", "127.0.0.2", "TABULA_AGI_ALLOWED_PEERS", "::1");
    try (Engine engine = start(config)) {
      assertAdmitted(call(engine, SECOND));
      assertRefused(call(engine, FIRST));
    }
  }

  @Test
  void anEngineNoAddressMayReachDoesNotStart() {
    EngineConfig config = config("TABULA_AGI_ALLOWED_PEERS", "");

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(EngineStartException.class)
        .hasMessageContaining("agi.allowedPeers");
  }

  @Test
  void theDefaultListAdmitsIpv6LoopbackAndIpv4OnADualStackSocket() throws Exception {
    InetAddress ipv6Loopback = address("::1");
    assumeThat(canBind(ipv6Loopback)).as("this machine has IPv6 loopback").isTrue();
    EngineConfig dualStack = config("TABULA_AGI_ADDRESS", "::");
    try (Engine engine = start(dualStack)) {
      assertAdmitted(call(engine, ipv6Loopback, ipv6Loopback));
      assertAdmitted(call(engine, FIRST, FIRST));
    }
    EngineConfig onlyIpv6 = config("TABULA_AGI_ADDRESS", "::", "TABULA_AGI_ALLOWED_PEERS", "::1");
    try (Engine engine = start(onlyIpv6)) {
      // The IPv4 caller reaches a dual-stack socket as ::ffff:127.0.0.1 and is judged as IPv4.
      assertRefused(call(engine, FIRST, FIRST));
      assertAdmitted(call(engine, ipv6Loopback, ipv6Loopback));
    }
  }

  private Engine start(EngineConfig config) {
    return TestEngines.start(config, waiting, new UnmutedRecordingControl());
  }

  private Socket call(Engine engine, InetAddress from) throws IOException {
    return call(engine, from, engine.address().getAddress());
  }

  /** Connects from {@code from} and sends a whole AGI header at once, as Asterisk does. */
  private Socket call(Engine engine, InetAddress from, InetAddress to) throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.bind(new InetSocketAddress(from, 0));
    try {
      socket.connect(new InetSocketAddress(to, engine.address().getPort()), 5000);
    } catch (SocketException e) {
      // The guard's reset can arrive before connect() returns.
      resetWhileConnecting.add(socket);
      return socket;
    }
    socket.setSoTimeout(5000);
    try {
      socket
          .getOutputStream()
          .write(
              ("agi_network_script: city/parking\nagi_channel: PJSIP/x-1\n"
                      + "agi_uniqueid: 1.1\n\n")
                  .getBytes(StandardCharsets.US_ASCII));
    } catch (SocketException e) {
      // Already reset by the guard: assertRefused reads the same outcome.
    }
    return socket;
  }

  private static void assertAdmitted(Socket socket) throws IOException {
    assertThat(readLine(socket.getInputStream())).isEqualTo("GET VARIABLE WAITING");
  }

  /**
   * Answers the command waiting with {@code reply}, then reads to the engine's half-close (end of
   * stream), answering a closing {@code HANGUP} as Asterisk would.
   */
  private static void replyUntilTheEngineHalfCloses(Socket socket, String reply)
      throws IOException {
    send(socket, reply);
    InputStream in = socket.getInputStream();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      if (line.startsWith("HANGUP")) {
        send(socket, "200 result=1");
      }
    }
    assertThat(in.read()).as("the engine half-closed").isEqualTo(-1);
  }

  private static void send(Socket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** The engine closed (or reset) without writing anything. */
  private void assertRefused(Socket socket) {
    if (resetWhileConnecting.contains(socket)) {
      return;
    }
    int first;
    try {
      first = socket.getInputStream().read();
    } catch (SocketException reset) {
      first = -1;
    } catch (IOException e) {
      throw new AssertionError("neither refused nor answered", e);
    }
    assertThat(first).as("the engine closed without a byte").isEqualTo(-1);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n' && b >= 0; ) {
      line.append((char) b);
    }
    return line.toString();
  }

  /** An engine for tests (free port, 4 slots) with these settings, given as the environment. */
  private static EngineConfig config(String... environment) {
    Map<String, String> env = new HashMap<>();
    env.put("TABULA_AGI_PORT", "0");
    env.put("TABULA_MEMORY_SLOTS", "4");
    // The calls wait for a reply that never comes: shutdown ends them at once.
    env.put("TABULA_SHUTDOWN_DEADLINE", "100ms");
    for (int i = 0; i < environment.length; i += 2) {
      env.put(environment[i], environment[i + 1]);
    }
    return EngineConfigLoader.load(null, env);
  }

  private static boolean canBind(InetAddress address) {
    try (Socket probe = new Socket()) {
      probe.bind(new InetSocketAddress(address, 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

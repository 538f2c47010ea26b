package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.pbx.ami.AmiEvents;
import io.tabula.engine.pbx.ami.RedirectRequest;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiOptions.Answer;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import io.tabula.engine.pbx.ami.VirtualChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.DtmfEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Asterisk-Java ManagerConnection, wrapped by AmiLink, against the virtual AMI server. */
class AmiLinkTest {

  private static final String USER = "tabula";
  private static final String SECRET = "ami-secret-never-logged";
  private static final String CHANNEL = "PJSIP/trunk-00000042";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private VirtualAmiServer server;
  private AmiLink link;

  @BeforeEach
  void startServer() throws Exception {
    server = VirtualAmiServer.start(VirtualAmiOptions.defaults(USER, SECRET));
  }

  @AfterEach
  void stop() throws Exception {
    if (link != null) {
      link.close();
    }
    server.close();
  }

  private AmiLink connect(AmiLinkOptions options, String secret) {
    link =
        AmiLink.start(
            new AmiEndpoint("vpbx", "127.0.0.1", server.port(), USER, AmiSecret.of(secret)),
            options,
            registry);
    return link;
  }

  private static AmiLinkOptions fast() {
    return AmiLinkOptions.defaults()
        .withMuteTimeout(Duration.ofMillis(400))
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  private void awaitConnected() {
    await().atMost(WAIT).until(() -> link.health().state() == AmiLinkState.CONNECTED);
  }

  @Test
  void logsInWithTheChallengeAndReportsConnected() {
    connect(fast(), SECRET);
    awaitConnected();

    assertThat(server.logins()).isEqualTo(1);
    assertThat(link.health().healthy()).isTrue();
    assertThat(
            registry
                .get("tabula.ami.link.state")
                .tags("asterisk", "vpbx", "state", "connected")
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("tabula.ami.link.state")
                .tags("asterisk", "vpbx", "state", "reconnecting")
                .gauge()
                .value())
        .isZero();
  }

  @Test
  void muteAndUnmuteSendBothDirectionsOnTheChannel() {
    connect(fast(), SECRET);
    awaitConnected();
    RecordingControl recording = new AmiRecordingControl(link);

    recording.mute(CHANNEL);
    recording.unmute(CHANNEL);

    assertThat(server.mutesReceived()).containsExactly(CHANNEL + " 1", CHANNEL + " 0");
    assertThat(
            registry
                .get("tabula.ami.action")
                .tags("action", "MixMonitorMute", "outcome", "ok")
                .timer()
                .count())
        .isEqualTo(2);
  }

  @Test
  void aRefusedMuteThrowsAndTheSecureStepMustNotStart() {
    server.setOptions(server.options().withMuteAnswer(Answer.ERROR));
    connect(fast(), SECRET);
    awaitConnected();
    RecordingControl recording = new AmiRecordingControl(link);

    assertThatThrownBy(() -> recording.mute(CHANNEL))
        .isInstanceOf(RecordingControlException.class)
        .hasMessageContaining("refused")
        .hasMessageNotContaining(CHANNEL);
  }

  @Test
  void aMuteOnAChannelThatIsGoneIsRefused() {
    connect(fast(), SECRET);
    awaitConnected();
    server.hangUp(CHANNEL);

    assertThatThrownBy(() -> new AmiRecordingControl(link).mute(CHANNEL))
        .isInstanceOf(RecordingControlException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void anUnansweredMuteTimesOutAndAnUnansweredUnmuteIsOnlyReported() {
    server.setOptions(server.options().withMuteAnswer(Answer.SILENT));
    connect(fast(), SECRET);
    awaitConnected();
    RecordingControl recording = new AmiRecordingControl(link);

    assertThatThrownBy(() -> recording.mute(CHANNEL))
        .isInstanceOf(RecordingControlException.class)
        .hasMessageContaining("timeout");
    try (LogCapture logs = new LogCapture()) {
      assertThatCode(() -> recording.unmute(CHANNEL)).doesNotThrowAnyException();
      assertThat(logs.lines()).anyMatch(l -> l.contains("stays muted") && l.contains("timeout"));
    }
    assertThat(
            registry
                .get("tabula.ami.action")
                .tags("action", "MixMonitorMute", "outcome", "timeout")
                .timer()
                .count())
        .isEqualTo(2);
  }

  @Test
  void aMuteWhileTheLinkIsDownFailsAtOnce() throws Exception {
    server.close();
    connect(fast(), SECRET);

    assertThatThrownBy(() -> new AmiRecordingControl(link).mute(CHANNEL))
        .isInstanceOf(RecordingControlException.class)
        .hasMessageContaining("not_connected");
    assertThat(link.health().state()).isEqualTo(AmiLinkState.RECONNECTING);
    server = VirtualAmiServer.start(VirtualAmiOptions.defaults(USER, SECRET));
  }

  @Test
  void aWrongSecretLeavesTheLinkFailedAndNeverLogsTheSecret() {
    try (LogCapture logs = new LogCapture()) {
      connect(fast(), "wrong-secret-value");
      await().atMost(WAIT).until(() -> link.health().state() == AmiLinkState.FAILED);

      assertThat(link.health().lastFailure()).isEqualTo("authentication rejected");
      assertThat(logs.lines())
          .noneMatch(l -> l.contains("wrong-secret-value") || l.contains(SECRET));
    }
  }

  @Test
  void reconnectsAfterTheServerDropsTheConnection() {
    connect(fast(), SECRET);
    awaitConnected();

    server.dropConnections();

    await()
        .atMost(WAIT)
        .until(() -> server.logins() == 2 && link.health().state() == AmiLinkState.CONNECTED);
    assertThat(registry.get("tabula.ami.link.reconnects").counter().count()).isEqualTo(1.0);
    new AmiRecordingControl(link).mute(CHANNEL);
    assertThat(server.mutesReceived()).containsExactly(CHANNEL + " 1");
  }

  @Test
  void aLostConnectionIsReplacedWithoutAStackTraceInTheLog() {
    try (LogCapture logs = new LogCapture()) {
      connect(fast(), SECRET);
      awaitConnected();

      server.dropConnections();

      await()
          .atMost(WAIT)
          .until(() -> server.logins() == 2 && link.health().state() == AmiLinkState.CONNECTED);
      assertThat(logs.withStackTrace()).isEmpty();
      assertThat(logs.lines()).anyMatch(line -> line.contains("lost (disconnected)"));
    }
  }

  @Test
  void theLinkStateGaugesOutliveAGarbageCollection() {
    connect(fast(), SECRET);
    awaitConnected();

    // Micrometer holds a gauge's state object weakly: a supplier nothing else holds would be
    // collected here and the gauges would read NaN.
    java.lang.ref.WeakReference<Object> canary = new java.lang.ref.WeakReference<>(new Object());
    await()
        .atMost(WAIT)
        .until(
            () -> {
              System.gc();
              return canary.get() == null;
            });

    assertThat(registry.get("tabula.ami.link.state").tag("state", "connected").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get("tabula.ami.link.state.since").gauge().value())
        .isEqualTo((double) link.health().since().getEpochSecond());
  }

  @Test
  void keepAlivePingsWhileIdle() {
    connect(fast().withPingInterval(Duration.ofMillis(50)), SECRET);
    awaitConnected();

    await().atMost(WAIT).until(() -> server.pings() >= 3);
    assertThat(link.health().state()).isEqualTo(AmiLinkState.CONNECTED);
  }

  @Test
  void anAsteriskThatStopsAnsweringPingsIsDroppedAndReconnected() {
    List<AmiLinkHealth> states = new CopyOnWriteArrayList<>();
    connect(fast().withPingInterval(Duration.ofMillis(50)), SECRET);
    awaitConnected();

    // The TCP connection stays up; only the missing Pong can tell the link that Asterisk hangs.
    server.answerPings(false);

    // The link is down only for one backoff (about 20 ms) before it logs in again, so the test
    // looks at every state it passes through rather than polling for that moment.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(2))
        .until(
            () -> {
              states.add(link.health());
              return states.stream()
                  .anyMatch(h -> !h.healthy() && h.lastFailure().contains("ping unanswered"));
            });

    server.answerPings(true);

    await()
        .atMost(WAIT)
        .until(() -> link.health().state() == AmiLinkState.CONNECTED && server.logins() >= 2);
    assertThat(registry.get("tabula.ami.link.reconnects").counter().count()).isGreaterThan(0.0);
    new AmiRecordingControl(link).mute(CHANNEL);
    assertThat(server.mutesReceived()).containsExactly(CHANNEL + " 1");
  }

  @Test
  void redirectReachesThePbxAndAGoneChannelIsRefused() throws Exception {
    List<RedirectRequest> redirects = new CopyOnWriteArrayList<>();
    server.onRedirect(redirects::add);
    connect(fast(), SECRET);
    awaitConnected();
    AmiTransfer transfer = new AmiTransfer(link);

    transfer.redirect(CHANNEL, new DialplanTarget("agents", "s", 1));

    assertThat(redirects).containsExactly(new RedirectRequest(CHANNEL, "agents", "s", "1"));
    assertThatThrownBy(() -> transfer.redirect(CHANNEL, new DialplanTarget("agents", "s", 1)))
        .isInstanceOf(AmiActionException.class)
        .satisfies(
            e ->
                assertThat(((AmiActionException) e).reason())
                    .isEqualTo(AmiActionException.Reason.REFUSED));
  }

  /**
   * A manager.conf without DTMF filters (the server ignores the login's event mask): DTMF events
   * arrive, Asterisk-Java logs at DEBUG, and still no listener sees them and no log line shows
   * them. The Hangup event sent after them proves that events and their debug logging flow.
   */
  @Test
  void dtmfEventsAreDroppedBeforeListenersAndNeverLoggedEvenAtDebug() throws Exception {
    server.setOptions(server.options().withHonourEventMask(false));
    List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch hangupSeen = new CountDownLatch(1);
    connect(fast(), SECRET);
    link.addEventListener(
        e -> {
          events.add(e);
          if (e instanceof HangupEvent) {
            hangupSeen.countDown();
          }
        });
    awaitConnected();
    VirtualChannel channel = VirtualChannel.agiLeg(CHANNEL, "1795421796.35");

    try (LogCapture logs = new LogCapture()) {
      LogCapture.setLevel("org.asteriskjava", Level.TRACE);
      try {
        server.pressKeys(channel, "4242424242424242#1228123");
        server.broadcast(AmiEvents.hangup(channel, 16, "Normal Clearing"));
        assertThat(hangupSeen.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      } finally {
        LogCapture.setLevel("org.asteriskjava", null);
      }

      assertThat(events).noneMatch(e -> e instanceof DtmfEvent);
      assertThat(logs.lines()).anyMatch(l -> l.contains("HangupEvent"));
      assertThat(logs.lines())
          .noneMatch(l -> l.contains("Dtmf") || l.contains("DTMF") || l.contains("digit"));
    }
    assertThat(registry.get("tabula.ami.messages.dropped").counter().count()).isEqualTo(48.0);
  }

  @Test
  void theLoginAsksAsteriskForCallAndSystemEventsOnly() throws Exception {
    List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch hangupSeen = new CountDownLatch(1);
    connect(fast(), SECRET);
    link.addEventListener(
        e -> {
          events.add(e);
          if (e instanceof HangupEvent) {
            hangupSeen.countDown();
          }
        });
    awaitConnected();
    VirtualChannel channel = VirtualChannel.agiLeg(CHANNEL, "1795421796.35");

    server.pressKeys(channel, "1234");
    server.broadcast(AmiEvents.hangup(channel, 16, "Normal Clearing"));

    assertThat(hangupSeen.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(registry.get("tabula.ami.messages.dropped").counter().count())
        .as("the server filtered by the event mask, so the client had nothing to drop")
        .isZero();
  }

  @Test
  void closeIsIdempotentAndStopsReconnecting() {
    connect(fast(), SECRET);
    awaitConnected();

    link.close();
    link.close();

    assertThat(link.health().state()).isEqualTo(AmiLinkState.CLOSED);
    await().atMost(WAIT).until(() -> server.openSessions() == 0);
  }
}

package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.LoopbackDns;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.SrvTarget;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hagi://} in the virtual PBX, as res_agi.c and main/srv.c of Asterisk 22 do it, against a
 * real DNS server on loopback UDP and real engines: SRV targets are tried in priority order, a
 * refusing engine is skipped, a connection once made is kept even when the engine closes it, and
 * when nothing takes the call it fails with AGISTATUS=FAILURE.
 */
class HagiFailoverTest {

  private static final String URL = "hagi://engines.test/city/pay";
  private static final String SRV = "_agi._tcp.engines.test";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final List<CallInfo> seen = new CopyOnWriteArrayList<>();
  private final CallHandler recordAndHangUp =
      call -> {
        seen.add(call.info());
        call.hangup();
      };
  private LoopbackDns dns;
  private VirtualPbx pbx;

  @BeforeEach
  void dnsAndPbx() {
    dns = LoopbackDns.start();
    for (String host : List.of("a", "b", "c")) {
      dns.address(host + ".engines.test", LOOPBACK);
    }
    pbx = VirtualPbx.create(PbxOptions.instant().withDnsServer(dns.server()));
  }

  @AfterEach
  void close() {
    pbx.close();
    dns.close();
  }

  private Engine engine() {
    return TestEngines.start(4, (tenant, flow) -> Optional.of(recordAndHangUp));
  }

  private CallReport call() throws Exception {
    return pbx.call(URL, ScriptedCaller.keys("")).get(30, TimeUnit.SECONDS);
  }

  private static String at(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  @Test
  void targetsAreTriedByPriorityNotInTheOrderOfTheAnswer() throws Exception {
    try (Engine first = engine();
        Engine second = engine()) {
      dns.srv(
          SRV,
          List.of(
              new SrvTarget(20, 0, second.address().getPort(), "b.engines.test."),
              new SrvTarget(10, 0, first.address().getPort(), "a.engines.test.")));

      CallReport report = call();

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(report.engine()).isEqualTo(at(first.address()));
      assertThat(seen).hasSize(1);
      assertThat(dns.srvQueries()).isEqualTo(1);
    }
  }

  @Test
  void aRefusingEngineIsSkippedForTheNextTarget() throws Exception {
    int refusing = closedPort();
    try (Engine second = engine();
        Engine third = engine()) {
      dns.srv(
          SRV,
          List.of(
              new SrvTarget(10, 0, refusing, "a.engines.test"),
              new SrvTarget(20, 0, second.address().getPort(), "b.engines.test"),
              new SrvTarget(30, 0, third.address().getPort(), "c.engines.test")));

      CallReport report = call();

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(report.engine()).isEqualTo(at(second.address()));
      assertThat(seen).hasSize(1);
    }
  }

  @Test
  void whenEveryTargetRefusesTheCallFailsWithAgiStatusFailure() throws Exception {
    dns.srv(
        SRV,
        List.of(
            new SrvTarget(10, 0, closedPort(), "a.engines.test"),
            new SrvTarget(20, 0, closedPort(), "b.engines.test")));

    CallReport report = call();

    assertThat(report.outcome()).isEqualTo(CallReport.Outcome.CONNECTION_FAILED);
    assertThat(report.variables()).containsEntry("AGISTATUS", "FAILURE");
    assertThat(report.engine()).isEmpty();
  }

  @Test
  void noSrvRecordsFailTheCallWithoutConnecting() throws Exception {
    CallReport nxdomain = call();
    assertThat(nxdomain.outcome()).isEqualTo(CallReport.Outcome.CONNECTION_FAILED);
    assertThat(nxdomain.variables()).containsEntry("AGISTATUS", "FAILURE");
    assertThat(dns.srvQueries()).isEqualTo(1);
  }

  @Test
  void aDotTargetIsSkippedLikeAnUnknownHostNotAFailedLookup() throws Exception {
    // main/srv.c parse_srv means to fail the whole lookup on a "." target, but glibc's dn_expand
    // returns the root as "", so Asterisk 22.10.1 tries host "" ("Unable to locate host ':0'")
    // and goes on to the next target: seen on the real Asterisk (docs/scaling.md).
    try (Engine engine = engine()) {
      dns.srv(
          SRV,
          List.of(
              new SrvTarget(10, 0, 0, "."),
              new SrvTarget(20, 0, engine.address().getPort(), "a.engines.test")));
      CallReport report = call();
      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(report.engine()).isEqualTo(at(engine.address()));
    }
  }

  @Test
  void anEngineThatAcceptsAndClosesEndsTheAgiWithoutTryingTheNext() throws Exception {
    try (ServerSocket closing = new ServerSocket(0, 50, LOOPBACK);
        Engine next = engine()) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  // Closed at once: Asterisk reads EOF and ends the AGI (AGISTATUS=SUCCESS).
                  closing.accept().close();
                } catch (IOException e) {
                  // the test ended first
                }
              });
      dns.srv(
          SRV,
          List.of(
              new SrvTarget(10, 0, closing.getLocalPort(), "a.engines.test"),
              new SrvTarget(20, 0, next.address().getPort(), "b.engines.test")));

      CallReport report = call();

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.AGI_ENDED);
      assertThat(report.engine()).endsWith(":" + closing.getLocalPort());
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void equalWeightsKeepTheAnswersOrderAsAsteriskDoes() throws Exception {
    try (Engine first = engine();
        Engine second = engine()) {
      dns.srv(
          SRV,
          List.of(
              new SrvTarget(10, 50, second.address().getPort(), "b.engines.test"),
              new SrvTarget(10, 50, first.address().getPort(), "a.engines.test")));
      for (int i = 0; i < 20; i++) {
        assertThat(call().engine()).isEqualTo(at(second.address()));
      }
      // A DNS server that rotates its answers is what spreads the calls.
      dns.rotating();
      List<String> engines = List.of(call().engine(), call().engine());
      assertThat(engines).containsExactlyInAnyOrder(at(first.address()), at(second.address()));
    }
  }

  @Test
  void aPortInTheUrlTurnsTheSrvLookupOff() throws Exception {
    try (Engine engine = engine()) {
      CallReport report =
          pbx.call(
                  "hagi://127.0.0.1:" + engine.address().getPort() + "/city/pay",
                  ScriptedCaller.keys(""))
              .get(30, TimeUnit.SECONDS);
      assertThat(report.engine()).isEqualTo(at(engine.address()));
      assertThat(dns.srvQueries()).isZero();
      assertThat(seen).singleElement().extracting(CallInfo::flow).isEqualTo("pay");
    }
  }

  /** A loopback port nothing listens on: connections to it are refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    }
  }
}

package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.tabula.engine.config.EngineConfigLoader;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.CallSettings;
import io.tabula.engine.session.UnmutedRecordingControl;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code agi.transport}: which Netty transport the engine runs on. io_uring where the kernel allows
 * it (one {@code io_uring_enter} per loop round for all its sockets, where NIO makes a {@code read}
 * and a {@code write} per command), then epoll, then NIO.
 */
class TransportTest {

  @Test
  void anUnknownTransportIsAConfigurationErrorNamingTheChoices() {
    assertThatThrownBy(() -> Transport.choose("kqueue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agi.transport must be auto, io_uring, epoll or nio");
  }

  @Test
  void autoTakesIoUringWhereItLoadsThenEpollThenNio() {
    Transport expected =
        IoUring.isAvailable()
            ? Transport.IO_URING
            : Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;

    assertThat(Transport.choose("auto")).isEqualTo(new Transport.Choice(expected, true));
    assertThat(Transport.choose("NIO")).isEqualTo(new Transport.Choice(Transport.NIO, false));
    assertThat(Transport.NIO.serverChannel()).isEqualTo(AgiServerChannel.class);
  }

  @Test
  void ioUringWhereItDoesNotLoadSaysWhyAndWhatToSetInstead() {
    assumeThat(IoUring.isAvailable()).as("io_uring loads on this machine").isFalse();

    assertThatThrownBy(() -> Transport.choose("io_uring"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the io_uring transport is not available here")
        .hasMessageEndingWith("set agi.transport to auto, epoll or nio");
  }

  @Test
  void callsAndProbesOverIoUringAllCloseTheirConnections() throws Exception {
    assumeThat(IoUring.isAvailable())
        .as("io_uring loads here (a kernel with it, not disabled by sysctl or seccomp)")
        .isTrue();
    var config =
        EngineConfigLoader.load(
                null, Map.of("TABULA_AGI_TRANSPORT", "io_uring", "TABULA_MEMORY_SLOTS", "2"))
            .withPort(0);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (Engine engine =
            Engine.start(
                config,
                (tenant, flow) -> Optional.empty(),
                new UnmutedRecordingControl(),
                registry);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      assertThat(engine.transport()).isEqualTo(Transport.IO_URING);
      assertThat(Transport.IO_URING.serverChannel()).isEqualTo(IoUringServerSocketChannel.class);
      for (int call = 0; call < 3; call++) {
        CallReport report =
            pbx.call(engine.address(), "nobody/nothing", ScriptedCaller.keys(""))
                .get(10, TimeUnit.SECONDS);

        assertThat(report.prompts()).containsExactly(CallSettings.defaults().notAvailablePrompt());
        assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      }
      // Peers that connect and close at once (a port probe): each close is seen as such, well
      // before the 5 s header deadline would close the connection instead.
      for (int probe = 0; probe < 20; probe++) {
        new Socket(engine.address().getAddress(), engine.address().getPort()).close();
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> registry.get("tabula.agi.connections.open").gauge().value() == 0);
      assertThat(engine.activeCalls()).isZero();
    }
  }
}

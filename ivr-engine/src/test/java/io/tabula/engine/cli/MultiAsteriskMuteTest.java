package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.ami.AmiLinkHealth;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.ami.RecordingControlException;
import io.tabula.engine.config.AmiSettings;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.server.Engine;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine linked to two Asterisks (two virtual managers on 127.0.0.1 and 127.0.0.2): a call
 * mutes its recording on the Asterisk it came from, never on the other, and a call from an Asterisk
 * the engine has no link to cannot start secure input.
 */
class MultiAsteriskMuteTest {

  private static final String SECRET_ONE = "secret-of-pbx-127.0.0.1";
  private static final String SECRET_TWO = "secret-of-pbx-127.0.0.2";

  @Test
  void eachCallMutesOnTheAsteriskThatOpenedIt(@TempDir Path folder) throws Exception {
    try (VirtualAmiServer one = asterisk(folder, "127.0.0.1", SECRET_ONE);
        VirtualAmiServer two = asterisk(folder, "127.0.0.2", SECRET_TWO)) {
      // The other Asterisk is listed first, so "the first link" would be the wrong answer.
      Optional<AmiLinks> links =
          links(folder, "127.0.0.2:" + two.port() + ", 127.0.0.1:" + one.port());
      try {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> links.orElseThrow().health().stream().allMatch(AmiLinkHealth::healthy));
        assertThat(links.orElseThrow().health())
            .extracting(AmiLinkHealth::asterisk)
            .containsExactly("127.0.0.2", "127.0.0.1");

        CallReport report = callEchoFromLoopback(ServeCommand.recordingControl(links, false));

        assertThat(report.prompts()).isNotEmpty();
        // The mute; echo hangs up inside the unmute grace, so the recording stays muted.
        assertThat(one.mutesReceived()).hasSize(1);
        assertThat(two.mutesReceived()).isEmpty();
      } finally {
        links.ifPresent(AmiLinks::close);
      }
    }
  }

  @Test
  void aCallFromAnUnlinkedAsteriskCannotStartSecureInput(@TempDir Path folder) throws Exception {
    try (VirtualAmiServer one = asterisk(folder, "127.0.0.1", SECRET_ONE);
        VirtualAmiServer two = asterisk(folder, "127.0.0.2", SECRET_TWO)) {
      Optional<AmiLinks> links =
          links(folder, "127.0.0.1:" + one.port() + ",127.0.0.2:" + two.port());
      try {
        RecordingControl stranger =
            ServeCommand.recordingControl(links, false)
                .forPeer(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40_000));

        assertThatThrownBy(() -> stranger.mute("PJSIP/carrier-00000001"))
            .isInstanceOf(RecordingControlException.class)
            .hasMessageContaining("192.0.2.7")
            .hasMessageContaining("ami.host");
        assertThat(one.mutesReceived()).isEmpty();
        assertThat(two.mutesReceived()).isEmpty();
      } finally {
        links.ifPresent(AmiLinks::close);
      }
    }
  }

  private static CallReport callEchoFromLoopback(RecordingControl recording) throws Exception {
    EngineConfig config =
        EngineConfig.defaults()
            .withPort(0)
            .withMemory(CallMemoryPoolConfig.defaults().withSlots(2));
    try (Engine engine =
            Engine.start(config, SelfTestFlows.handlers(), recording, new SimpleMeterRegistry());
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      return pbx.call(engine.address(), "selftest/echo", ScriptedCaller.keys("4242424242424242#"))
          .get(15, TimeUnit.SECONDS);
    }
  }

  /** A virtual Asterisk manager on {@code address}, its secret in {@code folder/ami-<address>}. */
  private static VirtualAmiServer asterisk(Path folder, String address, String secret)
      throws Exception {
    Files.writeString(folder.resolve("ami-" + address), secret);
    return VirtualAmiServer.start(
        VirtualAmiOptions.defaults("tabula", secret),
        new InetSocketAddress(InetAddress.getByName(address), 0));
  }

  /**
   * What serve starts for {@code ami.host: hosts} with {@code ami.secretFile: folder/ami-{host}}.
   */
  private static Optional<AmiLinks> links(Path folder, String hosts) {
    AmiSettings settings =
        new AmiSettings(hosts, 5038, "tabula", folder.resolve("ami-{host}").toString());
    return ServeCommand.amiLinks(settings, new SimpleMeterRegistry());
  }
}

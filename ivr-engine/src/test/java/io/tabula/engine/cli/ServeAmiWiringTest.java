package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.ami.AmiLinksRecordingControl;
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
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve builds from the ami.* settings, against the virtual Asterisk manager on loopback. */
class ServeAmiWiringTest {

  @Test
  void withAnAmiHostSecureInputMutesTheRecordingThroughTheLink(@TempDir Path folder)
      throws Exception {
    Path secretFile = Files.writeString(folder.resolve("ami-secret"), "s3cret-for-tests\n");
    try (VirtualAmiServer asterisk =
        VirtualAmiServer.start(VirtualAmiOptions.defaults("tabula", "s3cret-for-tests"))) {
      AmiSettings settings =
          new AmiSettings("127.0.0.1", asterisk.port(), "tabula", secretFile.toString());
      Optional<AmiLinks> links = ServeCommand.amiLinks(settings, new SimpleMeterRegistry());
      try {
        RecordingControl recording = ServeCommand.recordingControl(links, false);
        assertThat(recording).isInstanceOf(AmiLinksRecordingControl.class);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> links.orElseThrow().health().getFirst().healthy());

        recording.mute("PJSIP/carrier-00000001");
        recording.unmute("PJSIP/carrier-00000001");

        assertThat(asterisk.mutesReceived()).hasSize(2);
        assertThat(asterisk.logins()).isEqualTo(1);
      } finally {
        links.ifPresent(AmiLinks::close);
      }
    }
  }

  @Test
  void withoutAnAmiHostNoLinkStartsAndNoSecureStepStarts() throws Exception {
    Optional<AmiLinks> links =
        ServeCommand.amiLinks(new AmiSettings("", 5038, "tabula", ""), new SimpleMeterRegistry());

    assertThat(links).isEmpty();
    RecordingControl recording = ServeCommand.recordingControl(links, false);
    assertThatThrownBy(() -> recording.mute("PJSIP/carrier-00000001"))
        .isInstanceOf(RecordingControlException.class)
        .hasMessageContaining("ami.host")
        .hasMessageContaining("recording: none");
    assertThat(callEcho(recording).prompts()).doesNotContain("tabula/enter-card");
  }

  @Test
  void withoutAnAmiHostButRecordingNoneSecureStepsRunUnmuted() throws Exception {
    RecordingControl recording = ServeCommand.recordingControl(Optional.empty(), true);

    assertThat(recording).isInstanceOf(UnmutedRecordingControl.class);
    assertThat(callEcho(recording).prompts()).contains("tabula/enter-card");
  }

  @Test
  void aConfiguredLinkThatIsDownStopsSecureInputAndSaysWhy(@TempDir Path folder) throws Exception {
    Path secretFile = Files.writeString(folder.resolve("ami-secret"), "s3cret-for-tests\n");
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    Optional<AmiLinks> links =
        ServeCommand.amiLinks(
            new AmiSettings("127.0.0.1", closedPort, "tabula", secretFile.toString()),
            new SimpleMeterRegistry());
    try {
      RecordingControl recording = ServeCommand.recordingControl(links, false);
      assertThatThrownBy(() -> recording.mute("PJSIP/carrier-00000001"))
          .isInstanceOf(RecordingControlException.class)
          .hasMessageContaining("was not muted");
      assertThat(callEcho(recording).prompts()).doesNotContain("tabula/enter-card");
    } finally {
      links.ifPresent(AmiLinks::close);
    }
  }

  /** The self-test echo flow (a secure card collect) from the virtual PBX on loopback. */
  private static CallReport callEcho(RecordingControl recording) throws Exception {
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
}

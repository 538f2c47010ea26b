package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.ami.AmiLinksRecordingControl;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.config.AmiSettings;
import io.tabula.engine.pbx.ami.VirtualAmiOptions;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import io.tabula.engine.session.UnmutedRecordingControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
        RecordingControl recording = ServeCommand.recordingControl(links);
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
  void withoutAnAmiHostRecordingsAreNotMutedAndNoLinkStarts() {
    Optional<AmiLinks> links =
        ServeCommand.amiLinks(new AmiSettings("", 5038, "tabula", ""), new SimpleMeterRegistry());

    assertThat(links).isEmpty();
    assertThat(ServeCommand.recordingControl(links)).isInstanceOf(UnmutedRecordingControl.class);
  }
}

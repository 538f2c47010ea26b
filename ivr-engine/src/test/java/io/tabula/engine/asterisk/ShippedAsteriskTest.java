package io.tabula.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendering of docker/asterisk for the real-Asterisk suite still applies to the shipped
 * templates, checked on every build (also where no Asterisk is installed): each replacement matches
 * exactly once, and the result names only this host's addresses.
 */
class ShippedAsteriskTest {

  @TempDir Path root;

  @Test
  void rendersTheShippedConfigurationForOneHost() throws Exception {
    PbxDirectory dir =
        PbxDirectory.create(root.resolve("pbx"), new AsteriskInstall(root.resolve("no-build")));
    PbxPorts ports = new PbxPorts(25060, 25038, 30000, 30039);

    new ShippedAsterisk(new InetSocketAddress("127.0.0.1", 24573), ports, 26060, "s3cret", "t3st")
        .renderInto(dir);

    assertThat(dir.etc().resolve("extensions.conf"))
        .content()
        .contains("TABULA = agi://127.0.0.1:24573")
        .contains("TABULA_SCRUB = " + dir.root().resolve("bin/tabula") + " recordings scrub")
        .contains("[stacktest-keys]")
        .contains("[realtest-caller]");
    assertThat(dir.etc().resolve("manager.conf"))
        .content()
        .contains("port = 25038", "secret = s3cret", "[realtest]")
        .doesNotContain("CHANGE_ME");
    assertThat(dir.etc().resolve("pjsip.conf"))
        .content()
        .contains("bind = 127.0.0.1:25060", "contact = sip:127.0.0.1:26060", "match = 127.0.0.1")
        .doesNotContain("sip.carrier.example", "type = registration");
    assertThat(dir.etc().resolve("rtp.conf"))
        .content()
        .contains("rtpstart = 30000", "rtpend = 30039");
    assertThat(dir.etc().resolve("cel_custom.conf")).exists();
    assertThat(Files.isExecutable(dir.root().resolve("bin/tabula"))).isTrue();
  }
}

package io.tabula.engine.asterisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration of the caller's own Asterisk: a SIP trunk to the Asterisk under test on
 * loopback with RFC 4733 keys and G.711 u-law, as a carrier's would be, the test caller's contexts
 * and a manager user for the test. It plays the phone network: the Asterisk under test sees an
 * ordinary inbound call on its shipped {@code carrier} endpoint.
 *
 * @param ports this Asterisk's ports
 * @param pbxSip the SIP port of the Asterisk under test
 * @param testSecret the manager user's secret
 */
record CallerPbx(PbxPorts ports, int pbxSip, String testSecret) {

  /** The PJSIP endpoint that reaches the Asterisk under test: dial PJSIP/<number>@pbx. */
  static final String TRUNK = "pbx";

  void renderInto(PbxDirectory dir) throws IOException {
    Files.copy(
        RealAsteriskFiles.SHIPPED_ASTERISK.resolve("modules.conf"),
        dir.etc().resolve("modules.conf"));
    write(dir, "logger.conf", "[logfiles]\nconsole => notice,warning,error,verbose\n");
    write(
        dir,
        "rtp.conf",
        "[general]\nrtpstart = %d\nrtpend = %d\n".formatted(ports.rtpStart(), ports.rtpEnd()));
    write(
        dir,
        "pjsip.conf",
        """
        [global]
        type = global
        user_agent = test-caller

        [udp]
        type = transport
        protocol = udp
        bind = 127.0.0.1:%d

        [%s]
        type = aor
        contact = sip:127.0.0.1:%d

        [%s]
        type = endpoint
        transport = udp
        context = realtest-caller
        disallow = all
        allow = ulaw
        aors = %s
        dtmf_mode = rfc4733
        direct_media = no

        [%s]
        type = identify
        endpoint = %s
        match = 127.0.0.1
        """
            .formatted(ports.sip(), TRUNK, pbxSip, TRUNK, TRUNK, TRUNK, TRUNK));
    write(
        dir,
        "manager.conf",
        """
        [general]
        enabled = yes
        port = %d
        bindaddr = 127.0.0.1

        [%s]
        secret = %s
        deny = 0.0.0.0/0.0.0.0
        permit = 127.0.0.1/255.255.255.255
        read = all
        write = all
        """
            .formatted(ports.ami(), ShippedAsterisk.TEST_USER, testSecret));
    write(dir, "extensions.conf", ShippedAsterisk.callerContexts());
  }

  private static void write(PbxDirectory dir, String file, String text) throws IOException {
    Path path = dir.etc().resolve(file);
    Files.writeString(path, text);
  }
}

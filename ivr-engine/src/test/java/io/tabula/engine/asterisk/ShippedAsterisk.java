package io.tabula.engine.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the shipped configuration (docker/asterisk/*.conf) for one Asterisk on this host, the way
 * config management would at deployment and no further: the engine's FastAGI address, free ports
 * for SIP, AMI and RTP, the AMI secret, the carrier trunk pointed at the test caller's Asterisk on
 * loopback (without the optional registration), and {@code tabula} for the recording scrub resolved
 * to this test's class path. It adds what only tests need: a manager user {@code realtest} that
 * sees and may do everything (the test's own eyes and hands; the engine's user {@code tabula} stays
 * as shipped) and the test caller's contexts. Every replacement must match the template exactly
 * once, so a changed template fails here instead of running untested.
 *
 * @param engine the engine's FastAGI address
 * @param ports this Asterisk's ports
 * @param callerSip the caller Asterisk's SIP port on loopback (the "carrier")
 * @param amiSecret the engine user's secret
 * @param testSecret the {@code realtest} user's secret
 */
record ShippedAsterisk(
    InetSocketAddress engine, PbxPorts ports, int callerSip, String amiSecret, String testSecret) {

  static final String TEST_USER = "realtest";

  void renderInto(PbxDirectory dir) throws IOException {
    try (var files = Files.list(RealAsteriskFiles.SHIPPED_ASTERISK)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
        Files.copy(file, dir.etc().resolve(file.getFileName()));
      }
    }
    edit(dir, "manager.conf", "(?m)^port = 5038$", "port = " + ports.ami());
    edit(dir, "manager.conf", "(?m)^secret = CHANGE_ME$", "secret = " + amiSecret);
    append(dir, "manager.conf", testUser());
    edit(dir, "pjsip.conf", "(?m)^bind = 0\\.0\\.0\\.0:5060$", "bind = 127.0.0.1:" + ports.sip());
    edit(
        dir,
        "pjsip.conf",
        "(?m)^contact = sip:sip\\.carrier\\.example:5060",
        "contact = sip:127.0.0.1:" + callerSip);
    edit(dir, "pjsip.conf", "(?m)^match = sip\\.carrier\\.example", "match = 127.0.0.1");
    edit(dir, "pjsip.conf", "(?ms)^\\[carrier\\]\\ntype = registration.*", "");
    edit(dir, "rtp.conf", "(?m)^rtpstart = 10000$", "rtpstart = " + ports.rtpStart());
    edit(dir, "rtp.conf", "(?m)^rtpend = 10099$", "rtpend = " + ports.rtpEnd());
    edit(
        dir,
        "extensions.conf",
        "(?m)^TABULA = agi://engine:4573$",
        "TABULA = agi://127.0.0.1:" + engine.getPort());
    edit(
        dir,
        "extensions.conf",
        "(?m)^TABULA_SCRUB = /usr/local/bin/tabula ",
        "TABULA_SCRUB = " + Matcher.quoteReplacement(tabulaCommand(dir).toString()) + " ");
    append(dir, "extensions.conf", callerContexts());
  }

  private String testUser() {
    return """

        [%s]
        secret = %s
        deny = 0.0.0.0/0.0.0.0
        permit = 127.0.0.1/255.255.255.255
        read = all
        write = all
        """
        .formatted(TEST_USER, testSecret);
  }

  /**
   * The caller contexts both test callers run: the test resource caller-extensions.conf, then the
   * Docker stack test's docker/asterisk-test/extensions.conf, whose [stacktest-keys] they use.
   */
  static String callerContexts() throws IOException {
    try (InputStream in = ShippedAsterisk.class.getResourceAsStream("caller-extensions.conf")) {
      return "\n"
          + new String(in.readAllBytes(), StandardCharsets.UTF_8)
          + "\n"
          + Files.readString(
              RealAsteriskFiles.REPO.resolve("docker/asterisk-test/extensions.conf"));
    }
  }

  /**
   * {@code tabula} for Asterisk's user: this test's JVM and class path running the CLI, its output
   * appended to {@code scrub.log} beside the Asterisk folders, with the exit code.
   */
  static Path tabulaCommand(PbxDirectory dir) throws IOException {
    Path script = dir.root().resolve("bin/tabula");
    Files.createDirectories(script.getParent());
    Files.writeString(
        script,
        """
        #!/bin/sh
        exec >> '%s' 2>&1
        echo "tabula $*"
        '%s' -XX:TieredStopAtLevel=1 -cp '%s' io.tabula.engine.cli.TabulaCommand "$@"
        echo "exit $? $*"
        """
            .formatted(
                scrubLog(dir),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path")));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  static Path scrubLog(PbxDirectory dir) {
    return dir.root().resolve("scrub.log");
  }

  static void edit(PbxDirectory dir, String file, String regex, String replacement)
      throws IOException {
    Path path = dir.etc().resolve(file);
    String text = Files.readString(path);
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    if (count != 1) {
      throw new IllegalStateException(
          file + ": '" + regex + "' matched " + count + " times, not once; update the rendering");
    }
    Files.writeString(path, matcher.replaceFirst(replacement));
  }

  static void append(PbxDirectory dir, String file, String text) throws IOException {
    Path path = dir.etc().resolve(file);
    Files.writeString(path, Files.readString(path) + text);
  }
}

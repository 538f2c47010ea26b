package io.tabula.engine.pbx.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Plays the recorder's side of {@code fixtures/ami/card-entry} (Login, MixMonitorMute 1 and 0,
 * Logoff) against the virtual AMI server and compares its answers with what Asterisk 22 sent.
 */
class VirtualAmiFidelityTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Paths.get(VirtualAmiFidelityTest.class.getResource("/fixtures/ami/" + name).toURI());
  }

  @Test
  void answersTheRecordedCardEntryActionsLikeAsterisk() throws Exception {
    byte[] actions = Files.readAllBytes(fixture("card-entry.to-asterisk.bin"));
    List<String> recorded =
        blocks(Files.readString(fixture("card-entry.from-asterisk.bin"), StandardCharsets.UTF_8));
    try (VirtualAmiServer server =
            VirtualAmiServer.start(VirtualAmiOptions.defaults("probe", "probe123"));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.getOutputStream().write(actions);
      socket.shutdownOutput();
      String sent = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);

      assertThat(sent).startsWith("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n");
      List<String> ours = blocks(sent);
      for (String id : List.of("fixture-1", "fixture-2", "fixture-3", "fixture-4")) {
        assertThat(response(ours, id)).as(id).isEqualTo(response(recorded, id));
      }
      assertThat(keys(event(ours, "MixMonitorMute", "State: 1")))
          .isEqualTo(keys(event(recorded, "MixMonitorMute", "State: 1")));
      assertThat(event(ours, "MixMonitorMute", "State: 0")).contains("Direction: both\r\n");
      assertThat(server.mutesReceived())
          .containsExactly(
              "Local/card-entry@ivr-00000011;2 1", "Local/card-entry@ivr-00000011;2 0");
    }
  }

  @Test
  void aWrongSecretIsRefusedAndTheSessionEnds() throws Exception {
    try (VirtualAmiServer server =
            VirtualAmiServer.start(VirtualAmiOptions.defaults("probe", "x"));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket
          .getOutputStream()
          .write(
              "Action: Login\r\nActionID: 1\r\nUsername: probe\r\nSecret: nope\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String sent = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);

      assertThat(sent)
          .isEqualTo(
              "Asterisk Call Manager/11.0.0\r\n"
                  + "Response: Error\r\nActionID: 1\r\nMessage: Authentication failed\r\n\r\n");
    }
  }

  /** The messages of a stream (banner removed), each with its final blank line. */
  private static List<String> blocks(String stream) {
    List<String> out = new ArrayList<>();
    String body = stream.substring(stream.indexOf("\r\n") + 2);
    for (String b : body.split("\r\n\r\n")) {
      if (!b.isEmpty()) {
        out.add(b + "\r\n\r\n");
      }
    }
    return out;
  }

  private static String response(List<String> blocks, String actionId) {
    Optional<String> found =
        blocks.stream()
            .filter(b -> b.startsWith("Response:") && b.contains("ActionID: " + actionId + "\r\n"))
            .findFirst();
    return found.orElseThrow(() -> new AssertionError("no response for " + actionId));
  }

  private static String event(List<String> blocks, String name, String marker) {
    return blocks.stream()
        .filter(b -> b.startsWith("Event: " + name + "\r\n") && b.contains(marker))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " event with " + marker));
  }

  private static List<String> keys(String block) {
    List<String> keys = new ArrayList<>();
    for (String line : block.split("\r\n")) {
      if (!line.isEmpty()) {
        keys.add(line.substring(0, line.indexOf(':')));
      }
    }
    return keys;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}

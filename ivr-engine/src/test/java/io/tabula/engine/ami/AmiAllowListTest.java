package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The byte-level allow-list between Asterisk and Asterisk-Java, over a real loopback socket: of a
 * stream in which a card number sits in the fields of many event types (the way a dialplan an admin
 * wrote can put keyed digits into extensions, variables, caller ids or CDRs), exactly the banner
 * and the responses to the engine's own actions reach the library. Everything else is dropped
 * before a String of it exists, so no String holding the digits is ever made on the library path.
 */
class AmiAllowListTest {

  private static final String CARD = "4242424242424242";

  private static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
  private static final String LOGIN_RESPONSE =
      "Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n";
  private static final String MUTE_RESPONSE = "Response: Success\r\nActionID: mute-2\r\n\r\n";
  private static final String PING_RESPONSE =
      "Response: Success\r\nActionID: ping-3\r\nPing: Pong\r\nTimestamp: 1795421796.351\r\n\r\n";
  private static final String REDIRECT_ERROR =
      "Response: Error\r\nActionID: redirect-4\r\nMessage: Channel specified does not exist\r\n\r\n";

  /** Events a manager user with read=all receives; each carries the card number somewhere. */
  private static final List<String> EVENTS_WITH_DIGITS =
      List.of(
          "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: Local/"
              + CARD
              + "@ivr-1;1\r\n"
              + "Exten: "
              + CARD
              + "\r\n\r\n",
          "Event: DialBegin\r\nPrivilege: call,all\r\nDestExten: "
              + CARD
              + "\r\n"
              + "DialString: "
              + CARD
              + "\r\n\r\n",
          "Event: Hangup\r\nPrivilege: call,all\r\nConnectedLineNum: "
              + CARD
              + "\r\n"
              + "Cause: 16\r\n\r\n",
          "Event: NewCallerid\r\nPrivilege: call,all\r\nCallerIDNum: " + CARD + "\r\n\r\n",
          "Event: MixMonitorMute\r\nPrivilege: call,all\r\nExten: "
              + CARD
              + "\r\n"
              + "State: 1\r\n\r\n",
          "Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: PAN\r\nValue: "
              + CARD
              + "\r\n\r\n",
          "Event: Newexten\r\nPrivilege: dialplan,all\r\nApplication: Read\r\nAppData: "
              + CARD
              + "#\r\n\r\n",
          "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: card\r\nValue: "
              + CARD
              + "\r\n\r\n",
          "Event: Cdr\r\nPrivilege: cdr,all\r\nDestination: "
              + CARD
              + "\r\n"
              + "LastData: "
              + CARD
              + "\r\n\r\n",
          "Event: CEL\r\nPrivilege: cel,all\r\nEventName: APP_START\r\nAppData: "
              + CARD
              + "\r\n\r\n",
          "Event: AGIExecStart\r\nPrivilege: agi,all\r\nCommand: SET VARIABLE X "
              + CARD
              + "\r\n\r\n",
          "Event: DTMFEnd\r\nPrivilege: dtmf,all\r\nDigit: 4\r\nDirection: Received\r\n\r\n",
          "Event: QueueCallerJoin\r\nPrivilege: agent,all\r\nCallerIDNum: " + CARD + "\r\n\r\n",
          "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: " + CARD + "\r\n\r\n",
          // Whatever a later Asterisk adds: unknown is not allowed.
          "Event: SomethingNew\r\nPrivilege: call,all\r\nPayload: " + CARD + "\r\n\r\n",
          // Not a message Asterisk sends: no Event or Response line first.
          "Privilege: call,all\r\nEvent: Hangup\r\nExten: " + CARD + "\r\n\r\n");

  @Test
  void onlyTheBannerAndTheResponsesToTheEnginesActionsReachTheLibrary() throws Exception {
    StringBuilder stream = new StringBuilder(BANNER).append(LOGIN_RESPONSE);
    for (String event : EVENTS_WITH_DIGITS) {
      stream.append(event);
    }
    stream.append(MUTE_RESPONSE);
    EVENTS_WITH_DIGITS.forEach(stream::append);
    stream.append(PING_RESPONSE).append(REDIRECT_ERROR);

    List<String> lines = readThroughTheLibrarySocket(stream.toString(), new AtomicInteger());

    assertThat(String.join("\r\n", lines) + "\r\n")
        .isEqualTo(BANNER + LOGIN_RESPONSE + MUTE_RESPONSE + PING_RESPONSE + REDIRECT_ERROR);
    assertThat(lines).noneMatch(line -> line.contains(CARD));
  }

  @Test
  void aResponseCarryingADigitHeaderIsDroppedAndCounted() throws Exception {
    AtomicInteger dropped = new AtomicInteger();
    String stream = BANNER + "Response: Success\r\nActionID: x\r\nDigit: 7\r\n\r\n" + PING_RESPONSE;

    List<String> lines = readThroughTheLibrarySocket(stream, dropped);

    assertThat(String.join("\r\n", lines) + "\r\n").isEqualTo(BANNER + PING_RESPONSE);
    assertThat(dropped).hasValue(1);
  }

  @Test
  void anEventLongerThanTheBoundIsSkippedWithoutBufferingIt() throws Exception {
    String huge =
        "Event: Cdr\r\nPrivilege: cdr,all\r\nLastData: " + (CARD + ",").repeat(500) + "\r\n\r\n";
    String stream = BANNER + huge + PING_RESPONSE;

    List<String> lines = readThroughTheLibrarySocket(stream, new AtomicInteger(), 1024);

    assertThat(String.join("\r\n", lines) + "\r\n").isEqualTo(BANNER + PING_RESPONSE);
  }

  @Test
  void aServerThatIsNotAsteriskIsRefusedWithAClearError() {
    assertThatThrownBy(
            () ->
                readThroughTheLibrarySocket(
                    "SSH-2.0-OpenSSH_9.6\r\n" + PING_RESPONSE, new AtomicInteger()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Asterisk Call Manager")
        .hasMessageContaining("ami.host")
        .hasMessageNotContaining("OpenSSH");
  }

  private static List<String> readThroughTheLibrarySocket(String stream, AtomicInteger dropped)
      throws Exception {
    return readThroughTheLibrarySocket(stream, dropped, 64 * 1024);
  }

  /**
   * Serves {@code stream} from a loopback "Asterisk" and returns every line the socket
   * Asterisk-Java reads from ({@link FilteringAmiSocket#readLine}) gives, until the end of the
   * stream.
   */
  private static List<String> readThroughTheLibrarySocket(
      String stream, AtomicInteger dropped, int maxMessageBytes) throws Exception {
    try (ServerSocket asterisk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (Socket peer = asterisk.accept();
                    OutputStream out = peer.getOutputStream()) {
                  out.write(stream.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      AmiLinkOptions options =
          new AmiLinkOptions(
              AmiLinkOptions.defaults().connectTimeout(),
              AmiLinkOptions.defaults().actionTimeout(),
              AmiLinkOptions.defaults().muteTimeout(),
              AmiLinkOptions.defaults().pingInterval(),
              AmiLinkOptions.defaults().backoffMin(),
              AmiLinkOptions.defaults().backoffMax(),
              maxMessageBytes);
      FilteringAmiSocket socket =
          new FilteringAmiSocket(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), asterisk.getLocalPort()),
              options,
              dropped::incrementAndGet);
      try {
        List<String> lines = new ArrayList<>();
        for (String line; (line = socket.readLine()) != null; ) {
          lines.add(line);
        }
        served.get(5, TimeUnit.SECONDS);
        return lines;
      } finally {
        socket.close();
      }
    }
  }
}

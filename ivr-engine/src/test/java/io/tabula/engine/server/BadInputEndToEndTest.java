package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.Fixtures;
import io.tabula.engine.session.CallOutcome;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Garbage from "Asterisk" in the middle of a secure collect: the call ends and its slot is zeroed.
 */
class BadInputEndToEndTest {

  @Test
  void garbageDuringASecureCollectClosesTheCallAndZeroesItsSlot() throws Exception {
    CompletableFuture<Integer> slot = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          var pan = call.memory().field("pan", 19);
          pan.append((byte) '4');
          slot.complete(call.memory().slot());
          call.collect(
              new Prompt("enter-card", ""),
              pan,
              new CollectOptions(16, Duration.ofSeconds(5), Duration.ofSeconds(5), true));
        };
    try (Engine engine = TestEngines.start(2, (t, f) -> Optional.of(handler));
        Socket asterisk = new Socket(engine.address().getAddress(), engine.address().getPort())) {
      asterisk.setSoTimeout(5000);
      byte[] card = Fixtures.fromAsterisk("card-entry");
      OutputStream out = asterisk.getOutputStream();
      InputStream in = asterisk.getInputStream();
      String header =
          new String(Arrays.copyOf(card, Fixtures.headerEnd(card)), StandardCharsets.US_ASCII);
      out.write(
          header
              .replace("agi_network_script: card-entry", "agi_network_script: city/parking")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String command = readLine(in);
      assertThat(command).startsWith("GET DATA enter-card 5000 16");

      out.write("4242 not an AGI reply\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();

      assertThat(in.read()).isEqualTo(-1); // the engine closed the connection
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.activeCalls() == 0);
      assertThat(engine.metrics().ended(CallOutcome.PROTOCOL_ERROR)).isEqualTo(1);
      assertThat(engine.pool().slotIsZero(slot.get(1, TimeUnit.SECONDS))).isTrue();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n' && b >= 0; ) {
      line.append((char) b);
    }
    return line.toString();
  }
}

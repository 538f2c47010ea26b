package io.tabula.engine.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.tabula.engine.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The virtual PBX, given each recorded scenario's header, caller and engine commands, sends exactly
 * the bytes the real Asterisk 22.10.1 sent ({@code .from-asterisk.bin}), closing HANGUP included.
 */
class PbxFixtureReplayTest {

  static List<String> scenarios() {
    return Fixtures.AGI_SCENARIOS;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void answersEveryRecordedCommandAsAsteriskDid(String scenario) {
    byte[] expected = Fixtures.fromAsterisk(scenario);
    CompletableFuture<CallReport> report = new CompletableFuture<>();
    PbxCall call = new PbxCall(header(expected), options(scenario), caller(scenario), report);
    EmbeddedChannel channel = new EmbeddedChannel(call);
    channel.freezeTime();
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    drain(channel, sent);
    for (String command : Fixtures.commands(scenario)) {
      channel.writeInbound(command);
      if (scenario.equals("transfer-redirect") && command.startsWith("GET DATA")) {
        // The recorder's AMI Redirect came 1.5 s after ANSWER, while GET DATA waited for keys.
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        call.redirect("agents,s,1");
        channel.runPendingTasks();
      }
      for (int i = 0; i < 30; i++) {
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
      }
      drain(channel, sent);
    }
    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    drain(channel, sent);

    assertThat(new String(sent.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(sent.toByteArray()).isEqualTo(expected);
    assertThat(report).isCompleted();
    if (scenario.equals("transfer-redirect")) {
      assertThat(report.join().outcome()).isEqualTo(CallReport.Outcome.REDIRECTED);
      assertThat(report.join().redirectTarget()).isEqualTo("agents,s,1");
    }
    channel.finishAndReleaseAll();
  }

  private static Caller caller(String scenario) {
    return switch (scenario) {
      case "card-entry", "card-entry-filtered", "card-entry-filtered-adv", "sip-rfc2833" ->
          ScriptedCaller.keys("4242424242424242#,1228,123");
      case "sip-rfc2833-debian-pcaps-asis" -> ScriptedCaller.keys("4#,,");
      case "getdata-hash" -> ScriptedCaller.keys("42#");
      case "getdata-maxdigits" -> ScriptedCaller.keys("1234");
      case "getdata-timeout" -> ScriptedCaller.keys("12");
      case "wait-for-digit" -> ScriptedCaller.keys("7,");
      case "stream-file-escape" ->
          new ScriptedCaller(
              List.of(
                  new CallerAction.Keys("5", Duration.ofMillis(100), Duration.ZERO),
                  new CallerAction.Silence()));
      case "transfer-redirect" -> new ScriptedCaller(List.of(new CallerAction.Silence()));
      case "hangup-during-getdata" ->
          new ScriptedCaller(List.of(new CallerAction.HangUp(Duration.ofMillis(500))));
      default -> new ScriptedCaller(List.of());
    };
  }

  private static PbxOptions options(String scenario) {
    return PbxOptions.instant()
        .withSoundDurations(Map.of("beep", Duration.ofMillis(500)))
        .withMissingSounds(scenario.equals("say") ? Set.of("digits/40") : Set.of())
        .withAnswerDelay(Duration.ofMillis(500));
  }

  private static Map<String, String> header(byte[] fromAsterisk) {
    String block =
        new String(fromAsterisk, 0, Fixtures.headerEnd(fromAsterisk), StandardCharsets.UTF_8);
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : block.split("\n")) {
      if (!line.isEmpty()) {
        int colon = line.indexOf(": ");
        header.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return header;
  }

  private static void drain(EmbeddedChannel channel, ByteArrayOutputStream sent) {
    for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      sent.writeBytes(bytes);
      out.release();
    }
  }
}

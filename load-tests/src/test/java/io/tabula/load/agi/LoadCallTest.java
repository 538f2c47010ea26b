package io.tabula.load.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadCallTest {

  private final LoadStats stats = new LoadStats();
  private final LoadOptions options =
      new LoadOptions(
          0, 1, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 1);

  @Test
  void aTargetThatResetsTheConnectionAfterItsHangupWasAnsweredCompletedTheCall() {
    // The C floor closes right after reading 200 result=1; the PBX's HANGUP line that follows
    // may still be unread, and the kernel then answers with a reset instead of a FIN.
    EmbeddedChannel channel = new EmbeddedChannel(new LoadCall(1, stats, options, () -> {}));
    channel.writeInbound(line("HANGUP"));

    channel.pipeline().fireExceptionCaught(new SocketException("Connection reset"));
    channel.finishAndReleaseAll();

    assertThat(stats.failuresByReason()).isEmpty();
    assertThat(stats.completedCount()).isEqualTo(1);
  }

  @Test
  void aResetBeforeTheHangupIsAFailedCall() {
    EmbeddedChannel channel = new EmbeddedChannel(new LoadCall(1, stats, options, () -> {}));
    channel.writeInbound(line("STREAM FILE welcome \"\""));

    channel.pipeline().fireExceptionCaught(new SocketException("Connection reset"));
    channel.finishAndReleaseAll();

    assertThat(stats.failuresByReason()).containsEntry("SocketException", 1L);
    assertThat(stats.completedCount()).isZero();
  }

  private static ByteBuf line(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}

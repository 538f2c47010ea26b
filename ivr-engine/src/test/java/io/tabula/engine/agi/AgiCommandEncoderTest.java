package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands are written from the loop's reusable buffer, not a buffer of the channel's allocator per
 * command, and still come out byte for byte; a command written while an earlier one is still held
 * gets a buffer of its own.
 */
class AgiCommandEncoderTest {

  private final CountingAllocator allocator = new CountingAllocator();
  private final InFlightCommands inFlight = new InFlightCommands();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  AgiCommandEncoderTest() {
    channel.config().setAllocator(allocator);
    channel.pipeline().addLast(new AgiCommandEncoder(inFlight));
  }

  @Test
  void commandsTakeNoBufferOfTheChannelsAllocator() {
    AgiCommand frozen = AgiCommand.of("STREAM FILE").arg("welcome").quoted("0").freeze();
    for (int i = 0; i < 100; i++) {
      channel.writeOutbound(PendingCommand.resultOnly(frozen));
      assertThat(readLine()).isEqualTo("STREAM FILE welcome \"0\"\n");
      channel.writeOutbound(PendingCommand.plain(AgiCommand.of("GET DATA").arg("enter").arg(5000)));
      assertThat(readLine()).isEqualTo("GET DATA enter 5000\n");
    }
    assertThat(allocator.buffers()).isZero();
    assertThat(inFlight.drain()).hasSize(200);
  }

  @Test
  void aCommandWrittenWhileTheLastOneIsHeldGetsItsOwnBufferWithTheRightBytes() {
    channel.writeOutbound(PendingCommand.plain(AgiCommand.of("ANSWER")));
    channel.writeOutbound(PendingCommand.plain(AgiCommand.of("SAY DIGITS").arg("42").quoted("")));

    assertThat(allocator.buffers()).isEqualTo(1);
    assertThat(readLine()).isEqualTo("ANSWER\n");
    assertThat(readLine()).isEqualTo("SAY DIGITS 42 \"\"\n");
    assertThat(channel.outboundMessages()).isEmpty();
  }

  @Test
  void aLineLongerThanTheLoopsBufferIsWrittenWhole() {
    String longName = "x".repeat(LoopBuffer.WRITE_CAPACITY);
    channel.writeOutbound(PendingCommand.plain(AgiCommand.of("STREAM FILE").arg(longName)));

    assertThat(readLine()).isEqualTo("STREAM FILE " + longName + "\n");
    assertThat(allocator.buffers()).isEqualTo(1);
  }

  @Test
  void otherMessagesPassUnchanged() {
    channel.writeOutbound("not a command");
    assertThat(List.of(channel.<Object>readOutbound())).containsExactly("not a command");
  }

  private String readLine() {
    ByteBuf written = channel.readOutbound();
    try {
      return written.toString(StandardCharsets.UTF_8);
    } finally {
      written.release();
    }
  }
}

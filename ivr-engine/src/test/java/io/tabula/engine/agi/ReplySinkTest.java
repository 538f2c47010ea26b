package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabula.engine.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once a call owns the connection the decoder hands replies to its sink, in order with the HANGUP
 * lines, and a reused pending command gets each of its replies.
 */
class ReplySinkTest {

  private final InFlightCommands inFlight = new InFlightCommands();
  private final List<Object> seen = new ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  ReplySinkTest() {
    channel
        .pipeline()
        .addLast(
            new AgiDecoder(AgiLimits.defaults(), inFlight),
            new AgiCommandEncoder(inFlight),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add(msg);
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                seen.add(cause);
              }
            });
    byte[] recorded = Fixtures.fromAsterisk("card-entry");
    feed(Arrays.copyOf(recorded, Fixtures.headerEnd(recorded)));
    seen.clear();
  }

  @Test
  void repliesGoToTheSinkInOrderWithHangupLinesAndNoMessageIsMade() {
    inFlight.deliverTo((command, reply) -> seen.add(reply));
    PendingCommand play = send(PendingCommand.resultOnly(AgiCommand.of("STREAM FILE")));

    feed("200 result=0 endpos=8000\nHANGUP\n");

    assertThat(seen)
        .containsExactly(new AgiReply.Success(0, true, null, -1), AgiHangup.INSTANCE)
        .noneMatch(CommandReply.class::isInstance);
    assertThat(play.reply().isDone()).isFalse(); // the sink settles it, here a recorder
  }

  @Test
  void aReusedPendingCommandGetsEachOfItsReplies() {
    List<PendingCommand> answered = new ArrayList<>();
    inFlight.deliverTo(
        (command, reply) -> {
          answered.add(command);
          command.reply().complete(reply);
        });
    PendingCommand pending = send(PendingCommand.resultOnly(AgiCommand.of("SAY DIGITS")));
    feed("200 result=0\n");
    assertThat(pending.reply().reply()).isEqualTo(new AgiReply.Success(0, true, null, -1));

    send(pending.reuse(AgiCommand.of("WAIT FOR DIGIT"), ReplyExpectation.RESULT_ONLY));
    feed("200 result=55\n");

    assertThat(pending.reply().reply()).isEqualTo(new AgiReply.Success(55, true, null, -1));
    assertThat(answered).containsExactly(pending, pending);
  }

  @Test
  void aSinkThatThrowsGoesDownThePipelinesErrorPath() {
    IllegalStateException bug = new IllegalStateException("a bug in the call");
    inFlight.deliverTo(
        (command, reply) -> {
          throw bug;
        });
    send(PendingCommand.plain(AgiCommand.of("ANSWER")));

    feed("200 result=0\n");

    assertThat(seen).containsExactly(bug);
  }

  private PendingCommand send(PendingCommand command) {
    channel.writeOutbound(command);
    channel.releaseOutbound();
    return command;
  }

  private void feed(String text) {
    feed(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void feed(byte[] bytes) {
    ByteBuf in = Unpooled.directBuffer(bytes.length);
    in.writeBytes(bytes);
    channel.writeInbound(in);
  }
}

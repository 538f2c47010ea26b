package io.tabula.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DuplexChannel;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.engine.agi.LoopTimeouts;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The end of a call's connection on virtual time: the engine half-closes, and closes the connection
 * itself one close linger later (at most {@link LoopTimeouts#PERIOD} late) if Asterisk did not.
 */
class CloseLingerTest {

  private static final Duration LINGER = CallSettings.defaults().closeLinger();

  @Test
  void aConnectionAsteriskDoesNotCloseIsClosedAfterTheLinger() {
    HalfClosable channel = new HalfClosable();
    session(channel).finish(CallOutcome.COMPLETED);
    channel.runPendingTasks();
    assertThat(channel.isOutputShutdown()).isTrue();

    advance(channel, LINGER.minusMillis(1));
    assertThat(channel.isOpen()).isTrue();

    advance(channel, LoopTimeouts.PERIOD.plusMillis(1));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aConnectionAsteriskClosedIsLeftAloneAndNoTimerOutlivesTheLinger() {
    HalfClosable channel = new HalfClosable();
    session(channel).finish(CallOutcome.COMPLETED);
    channel.runPendingTasks();
    channel.close(); // Asterisk's close after its HANGUP line

    advance(channel, LINGER.plus(LoopTimeouts.PERIOD));

    assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1);
  }

  private static void advance(EmbeddedChannel channel, Duration time) {
    channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }

  private static CallSession session(EmbeddedChannel channel) {
    CallInfo info =
        new CallInfo(
            CallId.random(new SecureRandom()),
            "1.1",
            "city",
            "parking",
            "PJSIP/1",
            "",
            "en",
            List.of());
    return new CallSession(
        channel,
        info,
        null,
        new InFlightCommands(),
        new EngineMetrics(new SimpleMeterRegistry()),
        CallSettings.defaults());
  }

  /** An embedded channel that half-closes as a socket does: output shut, still open. */
  private static final class HalfClosable extends EmbeddedChannel implements DuplexChannel {
    private boolean outputShut;

    HalfClosable() {
      freezeTime();
    }

    @Override
    public boolean isInputShutdown() {
      return false;
    }

    @Override
    public ChannelFuture shutdownInput() {
      return newFailedFuture(new UnsupportedOperationException());
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
      return promise.setFailure(new UnsupportedOperationException());
    }

    @Override
    public boolean isOutputShutdown() {
      return outputShut;
    }

    @Override
    public ChannelFuture shutdownOutput() {
      return shutdownOutput(newPromise());
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
      outputShut = true;
      return promise.setSuccess();
    }

    @Override
    public boolean isShutdown() {
      return outputShut;
    }

    @Override
    public ChannelFuture shutdown() {
      return shutdownOutput();
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
      return shutdownOutput(promise);
    }
  }
}

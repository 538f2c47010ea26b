package io.tabula.connectors.payment.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.tabula.testing.CheckedAllocator;
import io.tabula.testing.TimeBound;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coverage-guided fuzzing of what a payment gateway sends back (docs/fuzzing.md): the HTTP reply
 * pipeline of {@link HttpsClient} (decoder, aggregator capped at {@link
 * HttpsClient#MAX_REPLY_BYTES}, {@link ReplyHandler}) on any bytes in any reads, then the server
 * closing. The exchange always ends, with a reply of at most the cap or a typed {@link
 * HttpExchangeException} that says the request was sent, and every buffer is released.
 */
class ReplyHandlerFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));

  @FuzzTest
  void endsEveryExchange(FuzzedDataProvider data) throws Exception {
    int[] cuts = new int[data.consumeInt(0, 6)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = data.consumeInt(0, 1 << 16);
    }
    byte[] reply = data.consumeRemainingAsBytes();
    BOUND.run(() -> exchange(reply, cuts));
  }

  private static void exchange(byte[] reply, int[] cuts) throws InterruptedException {
    CheckedAllocator allocator = CheckedAllocator.counting();
    ReplyHandler handler = new ReplyHandler(channel -> {});
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(allocator);
    channel
        .pipeline()
        .addLast(
            new HttpResponseDecoder(),
            new HttpObjectAggregator(HttpsClient.MAX_REPLY_BYTES),
            handler);
    CompletableFuture<HttpReply> result = new CompletableFuture<>();
    handler.begin(new ReplyHandler.Exchange(result, new AtomicBoolean(true)));
    int from = 0;
    for (int cut :
        java.util.Arrays.stream(cuts).map(c -> Math.min(c, reply.length)).sorted().toArray()) {
      from = feed(channel, allocator, reply, from, cut);
    }
    feed(channel, allocator, reply, from, reply.length);
    channel.close();
    channel.finishAndReleaseAll();

    assertThat(result).as("the exchange was left pending").isDone();
    try {
      HttpReply done = result.get();
      assertThat(done.body().length).isLessThanOrEqualTo(HttpsClient.MAX_REPLY_BYTES);
      assertThat(done.status()).as("an HTTP status").isBetween(100, 599);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(HttpExchangeException.class);
      assertThat(((HttpExchangeException) e.getCause()).requestSent()).isTrue();
    }
    allocator.assertAllReleased();
  }

  private static int feed(
      EmbeddedChannel channel, CheckedAllocator allocator, byte[] bytes, int from, int to) {
    if (to > from && channel.isOpen()) {
      ByteBuf read = allocator.buffer(to - from);
      read.writeBytes(bytes, from, to - from);
      channel.writeInbound(read);
    }
    return Math.max(from, to);
  }
}

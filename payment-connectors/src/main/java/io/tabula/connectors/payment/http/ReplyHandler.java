package io.tabula.connectors.payment.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Turns the aggregated response, an error or an early close into the result of the exchange in
 * flight on this connection. A connection carries one exchange at a time; after a complete reply
 * that allows keep-alive it is handed back for reuse, otherwise closed.
 */
final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

  /** The exchange in flight: its result and whether its request may have reached the server. */
  record Exchange(CompletableFuture<HttpReply> reply, AtomicBoolean requestSent) {}

  private final Consumer<io.netty.channel.Channel> reusable;
  private Exchange current;

  ReplyHandler(Consumer<io.netty.channel.Channel> reusable) {
    this.reusable = reusable;
  }

  /** Called on the event loop before the request of {@code exchange} is written. */
  void begin(Exchange exchange) {
    current = exchange;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    Exchange exchange = current;
    current = null;
    if (exchange == null) {
      ctx.close(); // a reply nobody asked for: the connection is out of step
      return;
    }
    if (!response.decoderResult().isSuccess()) {
      fail(exchange, HttpExchangeException.Kind.CONNECTION_LOST, "the reply was cut short", null);
      ctx.close();
      return;
    }
    int status = response.status().code();
    if (status < 100 || status > 599) {
      // Not an HTTP status (the decoder takes any number): no outcome may be read from it.
      fail(exchange, HttpExchangeException.Kind.PROTOCOL, "the reply's status is not HTTP", null);
      ctx.close();
      return;
    }
    Map<String, String> headers = new HashMap<>();
    response.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    HttpReply reply = new HttpReply(status, headers, ByteBufUtil.getBytes(response.content()));
    if (HttpUtil.isKeepAlive(response) && !exchange.reply().isDone()) {
      reusable.accept(ctx.channel());
    } else {
      ctx.close();
    }
    exchange.reply().complete(reply);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange exchange = current;
    current = null;
    if (exchange != null) {
      fail(exchange, HttpExchangeException.Kind.CONNECTION_LOST, "the server closed", null);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Exchange exchange = current;
    current = null;
    if (exchange != null) {
      fail(exchange, kindOf(cause), "the exchange failed", cause);
    }
    ctx.close();
  }

  private static HttpExchangeException.Kind kindOf(Throwable cause) {
    if (cause instanceof PrematureChannelClosureException
        || cause instanceof IOException && !(cause instanceof SSLException)) {
      return HttpExchangeException.Kind.CONNECTION_LOST;
    }
    if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
      return HttpExchangeException.Kind.TLS;
    }
    return HttpExchangeException.Kind.PROTOCOL;
  }

  private static void fail(
      Exchange exchange, HttpExchangeException.Kind kind, String message, Throwable cause) {
    exchange
        .reply()
        .completeExceptionally(
            new HttpExchangeException(kind, exchange.requestSent().get(), message, cause));
  }
}

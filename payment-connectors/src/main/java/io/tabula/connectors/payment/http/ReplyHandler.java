package io.tabula.connectors.payment.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/** Turns the aggregated response, an error or an early close into the exchange's one result. */
final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

  private final CompletableFuture<HttpReply> reply;
  private final AtomicBoolean requestSent;

  ReplyHandler(CompletableFuture<HttpReply> reply, AtomicBoolean requestSent) {
    this.reply = reply;
    this.requestSent = requestSent;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    if (!response.decoderResult().isSuccess()) {
      fail(HttpExchangeException.Kind.CONNECTION_LOST, "the reply ended early or was malformed");
    } else {
      Map<String, String> headers = new HashMap<>();
      response
          .headers()
          .forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      reply.complete(
          new HttpReply(
              response.status().code(), headers, ByteBufUtil.getBytes(response.content())));
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(HttpExchangeException.Kind.CONNECTION_LOST, "the processor closed the connection");
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof PrematureChannelClosureException
        || cause instanceof IOException && !(cause instanceof SSLException)) {
      failWith(HttpExchangeException.Kind.CONNECTION_LOST, "the connection broke", cause);
    } else if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
      failWith(HttpExchangeException.Kind.TLS, "TLS failed after the handshake", cause);
    } else if (cause instanceof DecoderException) {
      failWith(HttpExchangeException.Kind.PROTOCOL, "the processor's reply is not HTTP", cause);
    } else {
      failWith(HttpExchangeException.Kind.PROTOCOL, "the exchange failed", cause);
    }
    ctx.close();
  }

  private void fail(HttpExchangeException.Kind kind, String message) {
    failWith(kind, message, null);
  }

  private void failWith(HttpExchangeException.Kind kind, String message, Throwable cause) {
    if (!reply.isDone()) {
      reply.completeExceptionally(
          new HttpExchangeException(kind, requestSent.get(), message, cause));
    }
  }
}

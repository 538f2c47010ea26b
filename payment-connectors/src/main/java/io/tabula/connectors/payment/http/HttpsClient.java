package io.tabula.connectors.payment.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * A small HTTPS/1.1 client on Netty for processor calls: one TLS connection per request ({@code
 * Connection: close}), every buffer from the {@link ZeroingByteBufAllocator}, the request head and
 * body written as bytes so card digits and the API key never pass through a String.
 *
 * <pre>{@code
 * try (HttpsClient client = new HttpsClient(TlsClientContexts.trusting(Optional.empty()), opts)) {
 *   HttpReply reply = client.exchange(uri, head, body, Duration.ofSeconds(30)); // body released
 * }
 * }</pre>
 */
public final class HttpsClient implements AutoCloseable {

  /** Replies larger than this are a protocol error; processor replies are a few KiB. */
  static final int MAX_REPLY_BYTES = 256 * 1024;

  private final SSLContext sslContext;
  private final Duration connectTimeout;
  private final EventLoopGroup group;

  public HttpsClient(SSLContext sslContext, Duration connectTimeout, int ioThreads) {
    this.sslContext = sslContext;
    this.connectTimeout = connectTimeout;
    this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
  }

  /**
   * Sends one request and waits for the complete reply. Takes ownership of {@code body} (it is
   * released, and zeroed by its allocator, in every case).
   *
   * @throws HttpExchangeException when no complete reply came; it says whether the request may have
   *     reached the processor
   */
  public HttpReply exchange(URI endpoint, RequestHead head, ByteBuf body, Duration timeout)
      throws HttpExchangeException {
    String host = endpoint.getHost();
    int port = endpoint.getPort() < 0 ? 443 : endpoint.getPort();
    CompletableFuture<HttpReply> reply = new CompletableFuture<>();
    AtomicBoolean sent = new AtomicBoolean();
    ChannelFuture connect = bootstrap(host, port, reply, sent).connect(host, port);
    connect.addListener(f -> onConnected(connect, head, hostHeader(host, port), body, reply, sent));
    try {
      return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      connect.channel().close();
      throw new HttpExchangeException(
          HttpExchangeException.Kind.TIMEOUT, sent.get(), "no reply within " + timeout, null);
    } catch (ExecutionException e) {
      throw (HttpExchangeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connect.channel().close();
      throw new HttpExchangeException(
          HttpExchangeException.Kind.TIMEOUT, sent.get(), "interrupted while waiting", e);
    }
  }

  private Bootstrap bootstrap(
      String host, int port, CompletableFuture<HttpReply> reply, AtomicBoolean sent) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.ALLOCATOR, ZeroingByteBufAllocator.INSTANCE)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                channel
                    .pipeline()
                    .addLast(
                        new SslHandler(TlsClientContexts.engine(sslContext, host, port)),
                        new HttpResponseDecoder(),
                        new HttpObjectAggregator(MAX_REPLY_BYTES),
                        new ReplyHandler(reply, sent));
              }
            });
  }

  private static void onConnected(
      ChannelFuture connect,
      RequestHead head,
      String hostHeader,
      ByteBuf body,
      CompletableFuture<HttpReply> reply,
      AtomicBoolean sent) {
    if (!connect.isSuccess()) {
      body.release();
      fail(reply, HttpExchangeException.Kind.CONNECT, "cannot connect", connect.cause());
      return;
    }
    Channel channel = connect.channel();
    channel
        .pipeline()
        .get(SslHandler.class)
        .handshakeFuture()
        .addListener(
            handshake -> {
              if (!handshake.isSuccess()) {
                body.release();
                fail(
                    reply,
                    HttpExchangeException.Kind.TLS,
                    "TLS handshake failed",
                    handshake.cause());
                channel.close();
                return;
              }
              // From the first byte on, the processor may act on the request: a retry must reuse
              // the idempotency key.
              sent.set(true);
              ByteBuf headBytes = channel.alloc().buffer(512);
              head.writeTo(headBytes, hostHeader, body.readableBytes());
              channel.write(headBytes);
              channel.writeAndFlush(body);
            });
  }

  private static void fail(
      CompletableFuture<HttpReply> reply,
      HttpExchangeException.Kind kind,
      String message,
      Throwable cause) {
    reply.completeExceptionally(new HttpExchangeException(kind, false, message, cause));
  }

  private static String hostHeader(String host, int port) {
    String name = host.contains(":") ? "[" + host + "]" : host;
    return port == 443 ? name : name + ":" + port;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

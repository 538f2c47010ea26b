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
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * A small HTTPS/1.1 client on Netty for processor calls: every buffer from the {@link
 * ZeroingByteBufAllocator}, the request head and body written as bytes so card digits and the API
 * key never pass through a String, and verified TLS connections kept alive for reuse (a TLS
 * handshake costs far more than a payment request).
 *
 * <p>One client talks to one processor. A connection carries one request at a time; a connection
 * whose exchange timed out or failed is closed, never reused.
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

  /** Idle connections kept for reuse; more are closed. */
  static final int MAX_IDLE = 64;

  private final SSLContext sslContext;
  private final Duration connectTimeout;
  private final EventLoopGroup group;
  private final Deque<Channel> idle = new ConcurrentLinkedDeque<>();

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
    ReplyHandler.Exchange exchange =
        new ReplyHandler.Exchange(new CompletableFuture<>(), new AtomicBoolean());
    Request request = new Request(head, hostHeader(host, port), body, exchange);
    Channel reused = pollIdle();
    Channel channel;
    if (reused != null) {
      channel = reused;
      reused.eventLoop().execute(() -> send(reused, request));
    } else {
      ChannelFuture connect = bootstrap(host, port).connect(host, port);
      channel = connect.channel();
      connect.addListener(f -> onConnected(connect, request));
    }
    return await(exchange, channel, timeout);
  }

  private record Request(
      RequestHead head, String hostHeader, ByteBuf body, ReplyHandler.Exchange exchange) {}

  private static HttpReply await(ReplyHandler.Exchange exchange, Channel channel, Duration timeout)
      throws HttpExchangeException {
    try {
      return exchange.reply().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      channel.close();
      throw new HttpExchangeException(
          HttpExchangeException.Kind.TIMEOUT,
          exchange.requestSent().get(),
          "no reply within " + timeout,
          null);
    } catch (ExecutionException e) {
      throw (HttpExchangeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new HttpExchangeException(
          HttpExchangeException.Kind.TIMEOUT,
          exchange.requestSent().get(),
          "interrupted while waiting",
          e);
    }
  }

  private Channel pollIdle() {
    for (Channel channel = idle.pollFirst(); channel != null; channel = idle.pollFirst()) {
      if (channel.isActive()) {
        return channel;
      }
    }
    return null;
  }

  private void offerIdle(Channel channel) {
    if (idle.size() < MAX_IDLE && !group.isShuttingDown()) {
      idle.addFirst(channel);
    } else {
      channel.close();
    }
  }

  private Bootstrap bootstrap(String host, int port) {
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
                        new ReplyHandler(HttpsClient.this::offerIdle));
              }
            });
  }

  private static void onConnected(ChannelFuture connect, Request request) {
    if (!connect.isSuccess()) {
      request.body().release();
      fail(request, HttpExchangeException.Kind.CONNECT, "cannot connect", connect.cause());
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
                request.body().release();
                fail(
                    request,
                    HttpExchangeException.Kind.TLS,
                    "TLS handshake failed",
                    handshake.cause());
                channel.close();
                return;
              }
              send(channel, request);
            });
  }

  /** Runs on the channel's event loop. */
  private static void send(Channel channel, Request request) {
    if (!channel.isActive() || request.exchange().reply().isDone()) {
      request.body().release();
      fail(request, HttpExchangeException.Kind.CONNECTION_LOST, "connection gone", null);
      return;
    }
    channel.pipeline().get(ReplyHandler.class).begin(request.exchange());
    // From the first byte on, the processor may act on the request: a retry must reuse the
    // idempotency key.
    request.exchange().requestSent().set(true);
    ByteBuf headBytes = channel.alloc().buffer(512);
    request.head().writeTo(headBytes, request.hostHeader(), request.body().readableBytes());
    channel.write(headBytes);
    channel.writeAndFlush(request.body());
  }

  private static void fail(
      Request request, HttpExchangeException.Kind kind, String message, Throwable cause) {
    request
        .exchange()
        .reply()
        .completeExceptionally(new HttpExchangeException(kind, false, message, cause));
  }

  private static String hostHeader(String host, int port) {
    String name = host.contains(":") ? "[" + host + "]" : host;
    return port == 443 ? name : name + ":" + port;
  }

  @Override
  public void close() {
    for (Channel channel = idle.pollFirst(); channel != null; channel = idle.pollFirst()) {
      channel.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

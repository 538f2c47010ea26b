package io.tabula.connectors.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.tabula.connectors.payment.http.ZeroingByteBufAllocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A card processor on this machine for tests and the demo: an HTTPS server (certificate from a
 * {@link io.tabula.connectors.tls.DevCertificateAuthority}) speaking the Stripe-compatible subset
 * the connector uses, with Stripe's test cards, real idempotency, faults on demand and a {@link
 * Ledger} to count charges. It keeps brand and last four only, never a card number.
 *
 * <pre>{@code
 * try (GatewaySimulator sim = GatewaySimulator.start(SimulatorOptions.loopback(ca, "sk_test_1"))) {
 *   URI endpoint = sim.endpoint();
 *   sim.faults().inject(Fault.TIMEOUT_AFTER_CHARGE);
 *   ...
 *   assertThat(sim.ledger().charges()).hasSize(1);
 * }
 * }</pre>
 */
public final class GatewaySimulator implements AutoCloseable {

  /** Replies and requests are a few KiB; anything bigger is refused. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final SimulatorOptions options;
  private final SSLContext serverTls;
  private final SSLContext wrongHostTls;
  private final Ledger ledger = new Ledger();
  private final Faults faults = new Faults();
  private final SimulatorStats stats = new SimulatorStats();
  private final AtomicInteger heldReplies = new AtomicInteger();
  private final StripeApi api = new StripeApi(ledger);
  private final IdempotencyStore store = new IdempotencyStore();
  private final EventLoopGroup group;
  private final Channel server;

  private GatewaySimulator(SimulatorOptions options) {
    this.options = options;
    this.serverTls = options.certificates().server().serverContext();
    this.wrongHostTls = options.certificates().wrongHost().serverContext();
    this.group = new MultiThreadIoEventLoopGroup(options.ioThreads(), NioIoHandler.newFactory());
    this.server = bind();
  }

  /** Starts the server; it listens when this returns. */
  public static GatewaySimulator start(SimulatorOptions options) {
    return new GatewaySimulator(options);
  }

  private Channel bind() {
    try {
      return new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.ALLOCATOR, ZeroingByteBufAllocator.INSTANCE)
          .childHandler(
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel channel) {
                  channel
                      .pipeline()
                      .addLast(
                          new SslHandler(serverEngine()),
                          new HttpServerCodec(),
                          new HttpObjectAggregator(MAX_REQUEST_BYTES),
                          new SimulatorHandler(GatewaySimulator.this, api, store));
                }
              })
          .bind(options.bindAddress(), options.port())
          .syncUninterruptibly()
          .channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "the gateway simulator cannot listen on "
              + options.bindAddress()
              + ":"
              + options.port()
              + "; pick a free port (0 chooses one) or an address of this machine",
          e);
    }
  }

  private SSLEngine serverEngine() {
    SSLContext context = faults.nextConnectionHasWrongHost() ? wrongHostTls : serverTls;
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return engine;
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code https://<first host name>:<port>}. */
  public URI endpoint() {
    return URI.create("https://" + options.hostNames().getFirst() + ":" + port());
  }

  public Ledger ledger() {
    return ledger;
  }

  public Faults faults() {
    return faults;
  }

  public SimulatorStats stats() {
    return stats;
  }

  public SimulatorOptions options() {
    return options;
  }

  /** Replies executed but held back by {@link Fault#TIMEOUT_AFTER_CHARGE}. */
  public AtomicInteger heldReplies() {
    return heldReplies;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

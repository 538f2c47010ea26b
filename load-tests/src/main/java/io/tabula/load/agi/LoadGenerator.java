package io.tabula.load.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Keeps {@code concurrency} virtual-PBX calls in progress against a FastAGI target for a while
 * (closed loop), ramping up evenly, and samples the target once at full concurrency.
 *
 * <p>Connections come from 127.0.0.2..127.0.0.254 in turn: every closed call leaves a TIME_WAIT
 * entry, and one source address has only ~28,000 ephemeral ports, which a few thousand calls per
 * second would exhaust within seconds.
 *
 * <p>Example: {@code new LoadGenerator(options, 1).run(active -> sampleTarget(active))}.
 */
final class LoadGenerator {

  private static final int SOURCE_ADDRESSES = 253;

  private final LoadOptions options;
  private final int threads;
  private final InetAddress host;
  private final LoadStats stats = new LoadStats();
  private final AtomicLong ids = new AtomicLong();

  /** Aims at {@code options.port()} on 127.0.0.1. */
  LoadGenerator(LoadOptions options, int threads) {
    this(options, threads, InetAddress.getLoopbackAddress());
  }

  /** Aims at {@code options.port()} on {@code host}, a target started elsewhere. */
  LoadGenerator(LoadOptions options, int threads, InetAddress host) {
    this.options = options;
    this.threads = threads;
    this.host = host;
  }

  /**
   * Runs the scenario; {@code sampler} is called once, with the number of calls in progress (see
   * {@link #sampleOffset()} for when).
   */
  LoadResult run(IntConsumer sampler, Progress progress) throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    Semaphore slots = new Semaphore(options.concurrency());
    try {
      Bootstrap bootstrap = bootstrap(group, slots);
      long start = System.nanoTime();
      long end = start + options.duration().toNanos();
      long sampleAt = start + sampleOffset().toNanos();
      boolean sampled = false;
      long rampNanos = options.rampUp().toNanos();
      stats.steadyFrom(start + rampNanos);
      long rampStep = Math.max(50_000, rampNanos / Math.max(1, options.concurrency()));
      while (System.nanoTime() < end
          && (options.maxCalls() == 0 || stats.startedCount() < options.maxCalls())) {
        long now = System.nanoTime();
        int active = options.concurrency() - slots.availablePermits();
        if (!sampled && now >= sampleAt) {
          sampled = true;
          sampler.accept(active);
        }
        progress.maybeReport(stats, active);
        if (active >= allowedConcurrency(options.concurrency(), now - start, rampNanos)) {
          LockSupport.parkNanos(rampStep);
          continue;
        }
        if (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        startCall(bootstrap, slots);
      }
      long startedAll = System.nanoTime();
      if (!sampled) {
        sampler.accept(options.concurrency() - slots.availablePermits());
      }
      drain(slots, progress);
      long elapsed = Math.max(startedAll, System.nanoTime()) - start;
      return LoadResult.of(options, stats, Duration.ofNanos(elapsed));
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /**
   * How many calls may be in progress {@code elapsedNanos} into the run: the target concurrency
   * grows linearly over the ramp-up. Ramping the calls in progress, not the calls started, matters
   * when calls are short: counting starts, a 10,000-call run with 4 s calls reached only about
   * 2,000 in progress by the end of the ramp and then opened the other 8,000 within a second, and
   * that burst (kept in step by equal prompt lengths) dominated the turnaround percentiles.
   */
  static int allowedConcurrency(int target, long elapsedNanos, long rampNanos) {
    if (elapsedNanos >= rampNanos) {
      return target;
    }
    return (int) Math.max(1, (double) target * elapsedNanos / rampNanos);
  }

  /**
   * When to sample the target: once every call slot has been through a whole call after the ramp,
   * and not before half the run (JIT and pools warmed up), but at the latest at 90% of it.
   */
  private Duration sampleOffset() {
    Duration fullLoad =
        options
            .rampUp()
            .plus(
                options
                    .promptDelay()
                    .multipliedBy((long) LoadCall.MEDIA_COMMANDS * options.rounds() + 1));
    Duration half = options.duration().dividedBy(2);
    Duration latest = options.duration().multipliedBy(9).dividedBy(10);
    Duration wanted = fullLoad.compareTo(half) > 0 ? fullLoad : half;
    return wanted.compareTo(latest) < 0 ? wanted : latest;
  }

  private void drain(Semaphore slots, Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + options.callTimeout().toNanos();
    while (slots.availablePermits() < options.concurrency() && System.nanoTime() < deadline) {
      progress.maybeReport(stats, options.concurrency() - slots.availablePermits());
      if (slots.tryAcquire(options.concurrency(), 100, TimeUnit.MILLISECONDS)) {
        slots.release(options.concurrency());
        return;
      }
    }
  }

  private Bootstrap bootstrap(EventLoopGroup group, Semaphore slots) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new LineBasedFrameDecoder(8192))
                    .addLast(new LoadCall(ids.incrementAndGet(), stats, options, slots::release));
              }
            });
  }

  private void startCall(Bootstrap bootstrap, Semaphore slots) {
    stats.started();
    long n = stats.startedCount();
    InetSocketAddress remote = new InetSocketAddress(host, options.port());
    // Spreading the source over 127.0.0.0/8 only works towards loopback; elsewhere the kernel
    // picks.
    ChannelFuture f =
        host.isLoopbackAddress()
            ? bootstrap.connect(
                remote, new InetSocketAddress("127.0.0." + (2 + n % SOURCE_ADDRESSES), 0))
            : bootstrap.connect(remote);
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            stats.failed("connect:" + done.cause().getClass().getSimpleName());
          }
        });
  }

  /** Prints a progress line at most once a second. */
  interface Progress {
    void maybeReport(LoadStats stats, int active);
  }
}

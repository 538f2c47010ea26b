package io.tabula.engine.pbx;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tabula.engine.pbx.ami.VirtualAmiServer;
import io.tabula.engine.server.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual Asterisk: opens FastAGI connections to an engine the way Asterisk's {@code
 * AGI(agi://host:port/path)} does, and plays the caller from a {@link Caller}. Thousands of calls
 * share one small event-loop group; nothing blocks or sleeps.
 *
 * <pre>{@code
 * try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
 *   CallReport report = pbx.call(engineAddress, "selftest/echo", ScriptedCaller.keys("4242424242424242#")).join();
 * }
 * }</pre>
 */
public final class VirtualPbx implements AutoCloseable {

  private static final AtomicLong CALLS = new AtomicLong();

  private final PbxOptions options;
  private final EventLoopGroup group;
  private final Transport transport;
  private final boolean ownsGroup;
  private final Map<String, PbxCall> liveCalls = new ConcurrentHashMap<>();
  private AgiTargets targets;

  private VirtualPbx(
      PbxOptions options, EventLoopGroup group, Transport transport, boolean ownsGroup) {
    this.options = options;
    this.group = group;
    this.transport = transport;
    this.ownsGroup = ownsGroup;
  }

  /** A PBX with its own event loop (one thread per core at most 2; load tests may pass more). */
  public static VirtualPbx create(PbxOptions options) {
    return create(options, 1);
  }

  public static VirtualPbx create(PbxOptions options, int threads) {
    // NIO whatever the engine runs on: the PBX stands in for Asterisk, not for the engine. Its
    // io_uring client once missed the close of a peer that accepted and closed at once
    // (HagiFailoverTest, one run in two), and its rings would take locked memory from the engine's
    // process where both run in one JVM (tests, tabula demo).
    Transport transport = Transport.NIO;
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory("virtual-pbx"), transport.ioHandlerFactory());
    return new VirtualPbx(options, group, transport, true);
  }

  /** Places one call to {@code path} (e.g. {@code city/parking}) with a default header. */
  public CompletableFuture<CallReport> call(InetSocketAddress engine, String path, Caller caller) {
    return call(engine, defaultHeader(engine, path, List.of()), caller);
  }

  /** Places one call with exactly this header block (keys with their {@code agi_} prefix). */
  public CompletableFuture<CallReport> call(
      InetSocketAddress engine, Map<String, String> header, Caller caller) {
    CompletableFuture<CallReport> report = new CompletableFuture<>();
    PbxCall call = track(new PbxCall(header, options, caller, report));
    bootstrap(call)
        .connect(engine)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                report.complete(failedToConnect(Map.of()));
              }
            });
    return report;
  }

  /**
   * Places one call as Asterisk's {@code AGI(url)} does: {@code agi://host[:port]/path} connects to
   * that engine, {@code hagi://host/path} looks up {@code _agi._tcp.host} (SRV) through {@link
   * PbxOptions#dnsServer} and tries the targets in Asterisk's order, moving on when one refuses or
   * does not answer within 2 s (see {@link AgiDialer}). When none takes the call, its report is
   * {@link CallReport.Outcome#CONNECTION_FAILED} with {@code AGISTATUS=FAILURE}, as on Asterisk;
   * {@link CallReport#engine} says which engine took it otherwise.
   */
  public CompletableFuture<CallReport> call(String url, Caller caller) {
    AgiUrl agi = AgiUrl.parse(url);
    return call(agi, headerFor(url, agi.script(), List.of()), caller);
  }

  /** As {@link #call(String, Caller)}, with exactly this header block. */
  public CompletableFuture<CallReport> call(AgiUrl url, Map<String, String> header, Caller caller) {
    CompletableFuture<CallReport> report = new CompletableFuture<>();
    PbxCall call = track(new PbxCall(header, options, caller, report));
    Bootstrap bootstrap =
        bootstrap(null)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, AgiDialer.CONNECT_TIMEOUT_MILLIS);
    new AgiDialer(bootstrap, targets())
        .dial(url)
        .whenComplete(
            (channel, failed) -> {
              if (failed != null) {
                report.complete(failedToConnect(Map.of("AGISTATUS", "FAILURE")));
              } else {
                channel.eventLoop().execute(() -> channel.pipeline().addLast(call));
              }
            });
    return report;
  }

  private PbxCall track(PbxCall call) {
    liveCalls.put(call.channel(), call);
    call.report().whenComplete((done, error) -> liveCalls.remove(call.channel(), call));
    return call;
  }

  private static CallReport failedToConnect(Map<String, String> variables) {
    return new CallReport(CallReport.Outcome.CONNECTION_FAILED, List.of(), 0, variables, "", "");
  }

  /** A client bootstrap whose connections carry AGI lines to {@code call} (null: added later). */
  private Bootstrap bootstrap(PbxCall call) {
    return new Bootstrap()
        .group(group)
        .channel(transport.clientChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                channel
                    .pipeline()
                    .addLast(new LineBasedFrameDecoder(64 * 1024))
                    .addLast(new StringDecoder(StandardCharsets.UTF_8));
                if (call != null) {
                  channel.pipeline().addLast(call);
                }
              }
            });
  }

  private synchronized AgiTargets targets() {
    if (targets == null) {
      targets = new AgiTargets(group.next(), transport, options.dnsServer());
    }
    return targets;
  }

  /**
   * Lets AMI Redirects accepted by {@code ami} move this PBX's calls, as Asterisk's async goto
   * does: the call's AGI sees the hangup pattern and its report says where the channel went.
   */
  public void acceptRedirectsFrom(VirtualAmiServer ami) {
    ami.onRedirect(
        request ->
            redirect(
                request.channel(),
                request.context() + "," + request.exten() + "," + request.priority()));
  }

  /**
   * Redirects the live call on {@code channel} (its {@code agi_channel}) to {@code target}; false
   * when no such call is up.
   */
  public boolean redirect(String channel, String target) {
    PbxCall call = liveCalls.get(channel);
    if (call == null) {
      return false;
    }
    call.redirect(target);
    return true;
  }

  /** The header block Asterisk 22 sends for {@code AGI(agi://host:port/path,args...)}. */
  public static Map<String, String> defaultHeader(
      InetSocketAddress engine, String path, List<String> arguments) {
    return headerFor(
        "agi://" + engine.getHostString() + ":" + engine.getPort() + "/" + path, path, arguments);
  }

  /**
   * The header block Asterisk 22 sends for {@code AGI(request,args...)}: {@code agi_request} is the
   * URL as written ({@code hagi://...} too), {@code agi_network_script} its script part.
   */
  public static Map<String, String> headerFor(String request, String path, List<String> arguments) {
    long n = CALLS.incrementAndGet();
    String flow = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
    Map<String, String> h = new LinkedHashMap<>();
    h.put("agi_network", "yes");
    h.put("agi_network_script", path);
    h.put("agi_request", request);
    h.put("agi_channel", "Local/" + flow + "@ivr-" + String.format("%08x", n) + ";2");
    h.put("agi_language", "en");
    h.put("agi_type", "Local");
    h.put("agi_uniqueid", "1795421440." + n);
    h.put("agi_version", "22.10.1");
    h.put("agi_callerid", "unknown");
    h.put("agi_calleridname", "unknown");
    h.put("agi_callingpres", "67");
    h.put("agi_callingani2", "0");
    h.put("agi_callington", "0");
    h.put("agi_callingtns", "0");
    h.put("agi_dnid", "unknown");
    h.put("agi_rdnis", "unknown");
    h.put("agi_context", "ivr");
    h.put("agi_extension", flow);
    h.put("agi_priority", "1");
    h.put("agi_enhanced", "0.0");
    h.put("agi_accountcode", "");
    h.put("agi_threadid", Long.toString(140569566095040L + n));
    for (int i = 0; i < arguments.size(); i++) {
      h.put("agi_arg_" + (i + 1), arguments.get(i));
    }
    return h;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (targets != null) {
        targets.close();
      }
    }
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}

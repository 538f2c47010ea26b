package io.tabula.engine.pbx;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
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
    Transport transport = Transport.choose("auto");
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
    PbxCall call = new PbxCall(header, options, caller, report);
    liveCalls.put(call.channel(), call);
    report.whenComplete((done, error) -> liveCalls.remove(call.channel(), call));
    ChannelFuture connect =
        new Bootstrap()
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
                        .addLast(new StringDecoder(StandardCharsets.UTF_8))
                        .addLast(call);
                  }
                })
            .connect(engine);
    connect.addListener(
        f -> {
          if (!f.isSuccess()) {
            report.complete(
                new CallReport(CallReport.Outcome.CONNECTION_FAILED, List.of(), 0, Map.of(), ""));
          }
        });
    return report;
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
    long n = CALLS.incrementAndGet();
    String flow = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
    Map<String, String> h = new LinkedHashMap<>();
    h.put("agi_network", "yes");
    h.put("agi_network_script", path);
    h.put("agi_request", "agi://" + engine.getHostString() + ":" + engine.getPort() + "/" + path);
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
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}

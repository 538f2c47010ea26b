package io.tabula.engine.pbx;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Asterisk side of one FastAGI connection: sends the header block, then answers each command
 * line as Asterisk 22 does (see {@link PbxCommands}), one command at a time, with media taking the
 * time the options say. When the engine closes or half-closes, it sends the closing {@code HANGUP}
 * and closes, as res_agi does at the end of every session (observation 5).
 *
 * <p>Runs on the connection's event loop; timed replies are scheduled on it, never slept.
 */
final class PbxCall extends ChannelInboundHandlerAdapter {

  static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n";

  private final Map<String, String> header;
  private final PbxOptions options;
  private final Caller caller;
  private final CompletableFuture<CallReport> report;
  private final ArrayDeque<String> waiting = new ArrayDeque<>();
  private final List<Heard> heard = new ArrayList<>();
  final Map<String, String> variables = new LinkedHashMap<>();
  private volatile ChannelHandlerContext ctx;
  private boolean busy;
  private long lastReplyNanos;
  private int commands;
  boolean answered;
  boolean dead;
  boolean callerHungUp;
  boolean engineHungUp;
  MediaTimeline.PendingKeys pendingKeys;
  private String inFlight = "";
  private int answeredEarly = -1;
  private String redirectTarget = "";
  private String engine = "";
  private boolean started;

  PbxCall(
      Map<String, String> header,
      PbxOptions options,
      Caller caller,
      CompletableFuture<CallReport> report) {
    this.header = header;
    this.options = options;
    this.caller = caller;
    this.report = report;
    variables.put("CHANNEL", header.getOrDefault("agi_channel", "Local/virtual@ivr-00000000;2"));
    variables.put(LANGUAGE, header.getOrDefault("agi_language", "en"));
  }

  /** The channel variable that holds the channel's language, as Asterisk's CHANNEL() names it. */
  static final String LANGUAGE = "CHANNEL(language)";

  /** The channel's language: agi_language, or what the engine set. */
  String language() {
    return variables.get(LANGUAGE);
  }

  @Override
  public void channelActive(ChannelHandlerContext context) {
    this.ctx = context;
    start(context);
    context.fireChannelActive();
  }

  /**
   * Added to a connection already made (a {@code hagi://} call, once a target took it), the call
   * starts at once: channelActive has passed.
   */
  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
    if (context.channel().isActive()) {
      start(context);
    } else if (!context.channel().isOpen()) {
      // The engine closed the connection before the call was attached: on Asterisk the AGI reads
      // EOF at once and ends (AGISTATUS=SUCCESS).
      remember(context.channel().remoteAddress());
      report.complete(
          new CallReport(CallReport.Outcome.AGI_ENDED, heard, 0, variables, "", engine));
    }
  }

  /** Which engine the call reached, for {@link CallReport#engine}. */
  private void remember(SocketAddress remote) {
    if (remote instanceof InetSocketAddress address) {
      engine = address.getAddress().getHostAddress() + ":" + address.getPort();
    }
  }

  private void start(ChannelHandlerContext context) {
    if (started) {
      return;
    }
    started = true;
    remember(context.channel().remoteAddress());
    StringBuilder block = new StringBuilder();
    header.forEach((key, value) -> block.append(key).append(": ").append(value).append('\n'));
    block.append('\n');
    write(block.toString());
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    String line = (String) msg;
    if (lastReplyNanos != 0 && !busy) {
      options.turnaround().accept(System.nanoTime() - lastReplyNanos);
    }
    waiting.addLast(line);
    if (!busy) {
      next();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      // The engine is done with the AGI: res_agi sends HANGUP and closes (observation 5).
      context.writeAndFlush(ascii("HANGUP\n")).addListener(ChannelFutureListener.CLOSE);
    }
    context.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (pendingKeys != null) {
      pendingKeys.drop();
    }
    if (variables.containsKey(PbxCommands.TRANSFER_VARIABLE) && !callerHungUp && !engineHungUp) {
      heard(new Heard(Heard.Kind.TRANSFER, variables.get(PbxCommands.TRANSFER_VARIABLE)));
    }
    CallReport.Outcome outcome =
        callerHungUp
            ? CallReport.Outcome.CALLER_HUNG_UP
            : engineHungUp
                ? CallReport.Outcome.ENGINE_HUNG_UP
                : redirectTarget.isEmpty()
                    ? CallReport.Outcome.AGI_ENDED
                    : CallReport.Outcome.REDIRECTED;
    report.complete(new CallReport(outcome, heard, commands, variables, redirectTarget, engine));
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    report.complete(
        new CallReport(
            CallReport.Outcome.CONNECTION_FAILED, heard, commands, variables, "", engine));
    context.close();
  }

  Caller caller() {
    return caller;
  }

  CompletableFuture<CallReport> report() {
    return report;
  }

  PbxOptions options() {
    return options;
  }

  void heard(Heard what) {
    heard.add(what);
    caller.heard(what);
  }

  /** Runs {@code task} on this call's event loop, now or after {@code millis}. */
  void later(long millis, Runnable task) {
    if (millis <= 0 && ctx.executor().inEventLoop()) {
      task.run();
    } else if (millis <= 0) {
      ctx.executor().execute(task);
    } else {
      ctx.executor().schedule(task, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends a reply after {@code millis}, then takes the next command. */
  void reply(long millis, String text) {
    int command = commands;
    later(
        millis,
        () -> {
          if (answeredEarly(command)) {
            return;
          }
          write(text);
          lastReplyNanos = System.nanoTime();
          busy = false;
          next();
        });
  }

  /**
   * Sends {@code head}, the caller's {@code keys} and {@code tail} as one reply line after {@code
   * millis}, then takes the next command. The keys go into a byte array, never a String, and both
   * arrays are zeroed: {@code keys} now, the line when Netty releases it after the write (or when
   * the reply is dropped). The NIO transport copies a heap buffer into a pooled direct buffer to
   * write it; that copy is Netty's and is not zeroed, which is acceptable only because this is the
   * stand-in for Asterisk, not the engine.
   */
  void replyWithKeys(long millis, String head, char[] keys, String tail) {
    byte[] line = new byte[head.length() + keys.length + tail.length()];
    int at = 0;
    for (String part : new String[] {head, null, tail}) {
      if (part == null) {
        for (char key : keys) {
          line[at++] = (byte) key;
        }
      } else {
        for (int i = 0; i < part.length(); i++) {
          line[at++] = (byte) part.charAt(i);
        }
      }
    }
    java.util.Arrays.fill(keys, '\0');
    int command = commands;
    later(
        millis,
        () -> {
          if (answeredEarly(command)) {
            java.util.Arrays.fill(line, (byte) 0);
            return;
          }
          ctx.writeAndFlush(new ZeroedOnRelease(line));
          lastReplyNanos = System.nanoTime();
          busy = false;
          next();
        });
  }

  /** The caller hung up while a command ran: its result, then the HANGUP line. */
  void hangUpDuring(long millis, String result) {
    callerHungUp = true;
    markDead();
    reply(millis, result + "HANGUP\n");
  }

  /** The number of the command now running; see {@link #answeredEarly}. */
  int command() {
    return commands;
  }

  /** True when a redirect already answered command {@code command}: its own answer is dropped. */
  boolean answeredEarly(int command) {
    return command == answeredEarly;
  }

  /**
   * An AMI Redirect (async goto) of this channel: to the AGI socket it looks exactly like a hangup
   * (observation 6). A command in flight ends with {@code result=-1}, then the {@code HANGUP} line
   * comes; later media commands get 511. Unlike a hangup the channel lives on at {@code target}, so
   * no HANGUPCAUSE is set.
   */
  void redirect(String target) {
    if (ctx == null) {
      return; // not connected yet: there is no AGI to redirect
    }
    later(
        0,
        () -> {
          if (dead || !ctx.channel().isActive()) {
            return;
          }
          redirectTarget = target;
          dead = true;
          if (busy) {
            answeredEarly = commands;
            String result =
                inFlight.startsWith("STREAM FILE") ? "200 result=-1 endpos=0\n" : "200 result=-1\n";
            write(result + "HANGUP\n");
            lastReplyNanos = System.nanoTime();
            busy = false;
            next();
          } else {
            write("HANGUP\n");
          }
        });
  }

  String channel() {
    return variables.get("CHANNEL");
  }

  void markDead() {
    dead = true;
    variables.putIfAbsent("HANGUPCAUSE", "16");
  }

  private void next() {
    String line = waiting.pollFirst();
    if (line == null || !ctx.channel().isActive()) {
      return;
    }
    busy = true;
    commands++;
    inFlight = line;
    PbxCommands.execute(this, line);
  }

  void write(String text) {
    ctx.writeAndFlush(ascii(text));
  }

  private static io.netty.buffer.ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  /** A heap buffer over a reply line whose array is zeroed when the buffer is released. */
  private static final class ZeroedOnRelease extends io.netty.buffer.UnpooledHeapByteBuf {
    ZeroedOnRelease(byte[] line) {
      super(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, line, line.length);
    }

    @Override
    protected void freeArray(byte[] array) {
      java.util.Arrays.fill(array, (byte) 0);
    }
  }

  static long millis(Duration duration) {
    return duration == null ? -1 : duration.toMillis();
  }
}

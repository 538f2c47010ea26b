package io.tabula.engine.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.tabula.engine.agi.AgiCommandEncoder;
import io.tabula.engine.agi.AgiHangup;
import io.tabula.engine.agi.AgiHeader;
import io.tabula.engine.agi.AgiProtocolException;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.engine.session.AgiCallPort;
import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallRunner;
import io.tabula.engine.session.CallSession;
import io.tabula.engine.session.SteppedCallRunner;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallId;
import io.tabula.flows.port.CallInfo;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a FastAGI connection: turns the header into a {@link CallSession} (routed,
 * with memory, or rejected), has the decoder hand the session its replies directly ({@link
 * io.tabula.engine.agi.InFlightCommands#deliverTo}), and passes it {@code HANGUP} lines. Runs on
 * the event loop and never blocks. A {@link SteppedCallHandler} (the shipped flows) runs on this
 * event loop, driven by the call's replies; any other handler runs on the call's own virtual
 * thread.
 *
 * <p>It is also the pipeline's encoder: commands written to the channel pass through its {@link
 * AgiCommandEncoder}, called from here (one pipeline context less per call than an encoder of its
 * own in the pipeline; what it writes goes on towards the socket from this handler's place).
 */
final class AgiConnectionHandler extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AgiConnectionHandler.class);

  /**
   * Header values many calls repeat, shared by every call of this JVM: the route's tenant and flow,
   * the language, the arguments. At most 4,096 values of 64 characters (well under a MiB).
   */
  private static final SharedStrings SHARED = new SharedStrings(4096, 64);

  /** Thread-safe; seeded once by the JDK from the OS. */
  private static final java.security.SecureRandom CALL_IDS = new java.security.SecureRandom();

  private final EngineContext engine;
  private final InFlightCommands inFlight;
  private final AgiCommandEncoder encoder;
  private CallSession session;

  AgiConnectionHandler(EngineContext engine, InFlightCommands inFlight, AgiCommandEncoder encoder) {
    this.engine = engine;
    this.inFlight = inFlight;
    this.encoder = encoder;
  }

  /** Encodes a command (and records it as in flight); passes anything else on unchanged. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    encoder.write(ctx, msg, promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case AgiHeader header -> start(ctx, header);
      case AgiHangup hangup -> {
        if (session != null) {
          session.onHangupLine();
        }
      }
      default -> ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    String call = session == null ? "(before header)" : session.info().uniqueId();
    if (cause instanceof AgiProtocolException e) {
      LOG.warn("call {}: closing after {} (line of {} bytes)", call, e.violation(), e.lineLength());
      end(ctx, CallOutcome.PROTOCOL_ERROR);
    } else if (cause instanceof java.io.IOException) {
      LOG.debug("call {}: connection lost ({})", call, cause.getClass().getSimpleName());
      end(ctx, CallOutcome.CONNECTION_LOST);
    } else {
      LOG.warn("call {}: closing after {}", call, cause.getClass().getSimpleName());
      end(ctx, CallOutcome.ERROR);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      session.finish(CallOutcome.CONNECTION_LOST);
    }
    ctx.fireChannelInactive();
  }

  private void end(ChannelHandlerContext ctx, CallOutcome outcome) {
    if (session != null) {
      session.finish(outcome);
    } else {
      ctx.close();
    }
  }

  /**
   * Routes the call and starts it. No lambda, method reference or {@code Optional} chain of its own
   * per call: the session is opened, then its runner started, in plain calls.
   */
  private void start(ChannelHandlerContext ctx, AgiHeader header) {
    Route route = Route.parse(header.networkScript()).orElse(null);
    CallHandler handler =
        route == null ? null : engine.handlers().find(route.tenant(), route.flow()).orElse(null);
    CallInfo info = callInfo(header, route);
    if (handler == null) {
      LOG.info("call {}: no flow for this request path; playing 'not available'", info.uniqueId());
      reject(
          ctx,
          open(ctx, info, null),
          engine.settings().notAvailablePrompt(),
          CallOutcome.REJECTED_NO_ROUTE);
      return;
    }
    switch (engine.pool().acquire()) {
      case Acquisition.Acquired(CallMemory memory) -> run(ctx, open(ctx, info, memory), handler);
      case Acquisition.EngineFull full -> {
        LOG.warn(
            "call {}: all {} call slots in use; playing 'please call back'",
            info.uniqueId(),
            full.capacity());
        reject(
            ctx,
            open(ctx, info, null),
            engine.settings().pleaseCallBackPrompt(),
            CallOutcome.REJECTED_ENGINE_FULL);
      }
    }
  }

  /** The call's session, replies routed to it and registered with the engine, not started yet. */
  private CallSession open(ChannelHandlerContext ctx, CallInfo info, CallMemory memory) {
    session =
        new CallSession(ctx.channel(), info, memory, inFlight, engine.metrics(), engine.settings());
    inFlight.deliverTo(session); // replies straight to the call: no message per reply
    engine.sessions().add(session);
    return session;
  }

  /** Starts the call: on this loop for a stepped handler, else on a virtual thread. */
  private void run(ChannelHandlerContext ctx, CallSession s, CallHandler handler) {
    if (handler instanceof SteppedCallHandler stepped) {
      SteppedCallRunner.of(s, recordingFor(ctx), stepped, ctx.channel().eventLoop()).start();
      return;
    }
    CallRunner.of(s, port(ctx, s), handler).start();
  }

  private void reject(
      ChannelHandlerContext ctx, CallSession s, String prompt, CallOutcome outcome) {
    CallRunner.rejecting(s, port(ctx, s), prompt, outcome).start();
  }

  private AgiCallPort port(ChannelHandlerContext ctx, CallSession s) {
    return new AgiCallPort(s, recordingFor(ctx));
  }

  /**
   * The recording control of the Asterisk that opened this connection: its AMI link mutes the
   * call's recording. Asked of the channel when the call starts (it keeps the address anyway).
   */
  private io.tabula.engine.ami.RecordingControl recordingFor(ChannelHandlerContext ctx) {
    return engine.recording().forPeer(ctx.channel().remoteAddress());
  }

  /**
   * The call's own 128-bit id, made here from a {@link java.security.SecureRandom}: Asterisk's
   * uniqueid is unique per Asterisk only and comes in an unauthenticated header, so payment keys
   * never derive from it.
   */
  static CallInfo callInfo(AgiHeader header, Route route) {
    return new CallInfo(
        CallId.random(CALL_IDS),
        header.uniqueId(),
        route == null ? "" : SHARED.share(route.tenant()),
        route == null ? "" : SHARED.share(route.flow()),
        header.channel(),
        header.getOrEmpty("callerid"),
        SHARED.share(header.getOrEmpty("language")),
        SHARED.shareAll(header.arguments()));
  }
}

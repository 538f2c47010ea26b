package io.tabula.engine.session;

import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.engine.agi.LoopTimeouts;
import io.tabula.engine.agi.LoopWakeups;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplySink;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallInfo;
import io.tabula.masking.memory.CallMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One call from the end of its header block to its end. It owns the call's {@link CallMemory} and
 * zeroes it exactly once, at the first of: a {@code HANGUP} line, a 511 reply, the socket closing,
 * a transfer or engine hangup (before the command is sent), an error, engine shutdown.
 *
 * <p>Event-loop methods ({@link #reply}, {@link #onHangupLine}) never block. {@link #finish} may be
 * called from any thread and only the first call counts.
 *
 * <pre>{@code
 * CallSession session = new CallSession(channel, info, memory, inFlight, metrics, settings);
 * session.finish(CallOutcome.CALLER_HUNG_UP); // zeroes, fails waiting commands, closes
 * }</pre>
 */
public final class CallSession implements ReplySink, LoopTimeouts.Timeout {

  private final Channel channel;
  private final CallInfo info;
  private final CallMemory memory;
  private final InFlightCommands inFlight;
  private final EngineMetrics metrics;
  private final CallSettings settings;
  // Plain volatile fields set through VarHandles, not Atomic* or a CompletableFuture made per
  // call: at 10,000 calls in progress every object a call keeps counts (docs/engine.md, "The
  // live heap per parked call").
  private volatile CallOutcome outcome;

  /** The {@link #ended()} future, made only when something asks for it. */
  private volatile CompletableFuture<CallOutcome> ended;

  private volatile CallOutcome hangupMeans = CallOutcome.CALLER_HUNG_UP;

  /**
   * Set when a drain timed out: the call's next command fails, so the flow takes its error path.
   */
  private volatile boolean errorPathRequested;

  /** The command awaiting its reply (a call has one at a time: each waits for the one before). */
  private volatile PendingCommand current;

  /** Where the sweep finds this call's reply deadline; null when no registry tracks the call. */
  private ReplyDeadlines deadlines;

  private int deadlineIndex = -1;

  /**
   * Told once, after {@link #ended} completed; null when nobody asked or once told. One shared
   * listener per engine instead of a completion stage on {@link #ended} per call ({@link
   * #reportEndTo}).
   */
  @SuppressWarnings("unused") // through END_LISTENER
  private volatile Consumer<CallSession> endListener;

  private static final VarHandle END_LISTENER;
  private static final VarHandle OUTCOME;
  private static final VarHandle ENDED;
  private static final VarHandle ERROR_PATH;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      END_LISTENER = lookup.findVarHandle(CallSession.class, "endListener", Consumer.class);
      OUTCOME = lookup.findVarHandle(CallSession.class, "outcome", CallOutcome.class);
      ENDED = lookup.findVarHandle(CallSession.class, "ended", CompletableFuture.class);
      ERROR_PATH = lookup.findVarHandle(CallSession.class, "errorPathRequested", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * @param memory the call's memory, or null for a call rejected before it got any
   */
  public CallSession(
      Channel channel,
      CallInfo info,
      CallMemory memory,
      InFlightCommands inFlight,
      EngineMetrics metrics,
      CallSettings settings) {
    this.channel = channel;
    this.info = info;
    this.memory = memory;
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.settings = settings;
    // A caller being turned away (no slot, no flow) holds no slot and is no active call.
    metrics.callStarted(memory != null);
  }

  public CallInfo info() {
    return info;
  }

  public Optional<CallMemory> memory() {
    return Optional.ofNullable(memory);
  }

  /** Whether the call holds call memory (a routed call); {@link #memory()} without an Optional. */
  public boolean holdsMemory() {
    return memory != null;
  }

  public CallSettings settings() {
    return settings;
  }

  EngineMetrics metrics() {
    return metrics;
  }

  /** Completes with the outcome once the call ended. */
  public CompletableFuture<CallOutcome> ended() {
    CompletableFuture<CallOutcome> future = ended;
    if (future == null) {
      CompletableFuture<CallOutcome> made = new CompletableFuture<>();
      future = ENDED.compareAndSet(this, null, made) ? made : ended;
    }
    CallOutcome how = outcome;
    if (how != null) {
      future.complete(how); // the call ended before anything asked: finish() found no future
    }
    return future;
  }

  public Optional<CallOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Event loop: {@code reply} arrived for {@code command}, handed over by the decoder. */
  @Override
  public void reply(PendingCommand command, AgiReply reply) {
    if (reply instanceof AgiReply.DeadChannel) {
      // 511 proves the channel is gone (observation 5); the flow sees a hangup, not an error.
      finish(hangupMeans);
      command.reply().fail(new CallEndedException(currentReason()));
      return;
    }
    command.reply().complete(reply, LoopWakeups.of(channel.eventLoop()));
  }

  /**
   * Reply-timeout sweep (any thread): fails the waiting command if its deadline passed, so its
   * thread wakes up and ends the call. Returns whether it did.
   */
  public boolean expireOverdue(long nowNanos) {
    PendingCommand waiting = current;
    return waiting != null && waiting.reply().expireIfOverdue(nowNanos);
  }

  /**
   * Puts the call's reply deadlines in {@code table}, where the reply-timeout sweep looks. Before
   * the call's thread starts; the thread gives the entry back when it ends ({@link
   * #stopTrackingDeadlines}).
   */
  public void trackDeadlinesIn(ReplyDeadlines table) {
    deadlineIndex = table.register(this);
    deadlines = table;
  }

  /**
   * Tells {@code listener} once, on the thread that ends the call, after {@link #ended} completed;
   * at once if the call ended already. For the engine's registry of calls: a listener shared by
   * every call costs no object per call.
   */
  public void reportEndTo(Consumer<CallSession> listener) {
    END_LISTENER.setVolatile(this, listener);
    if (outcome != null) {
      tellEnd();
    }
  }

  /** Exactly once, whichever of {@link #finish} and {@link #reportEndTo} comes to it first. */
  private void tellEnd() {
    @SuppressWarnings("unchecked")
    Consumer<CallSession> listener = (Consumer<CallSession>) END_LISTENER.getAndSet(this, null);
    if (listener != null) {
      listener.accept(this);
    }
  }

  /** The call's thread, when it is done: no command of this call will be sent any more. */
  void stopTrackingDeadlines() {
    ReplyDeadlines table = deadlines;
    if (table != null) {
      deadlines = null;
      table.unregister(deadlineIndex);
    }
  }

  /** The call's thread: the command it waited for has its answer (or never will). */
  void replyAwaited() {
    ReplyDeadlines table = deadlines;
    if (table != null) {
      table.disarm(deadlineIndex);
    }
  }

  /**
   * Drain timeout (any thread): the call's next command is not sent but fails with {@link
   * io.tabula.flows.port.CallPortException.Kind#ENGINE_DRAINED}, so its flow runs its error path
   * (apology, transfer to an agent or hangup; the memory is zeroed there, once). The command
   * waiting now is left to finish: Asterisk cannot take it back, and a reply arriving after the
   * next command went out would answer the wrong command.
   */
  public void requestErrorPath() {
    if (outcome == null) {
      errorPathRequested = true;
    }
  }

  /** True once after {@link #requestErrorPath}: the error path's own commands go out normally. */
  boolean takeErrorPathRequest() {
    return errorPathRequested && ERROR_PATH.compareAndSet(this, true, false);
  }

  /** Event loop: Asterisk sent the bare {@code HANGUP} line. */
  public void onHangupLine() {
    finish(hangupMeans);
  }

  /**
   * The engine is about to end the call itself (HANGUP command): the HANGUP line that follows means
   * {@code outcome}, not that the caller hung up.
   */
  void expectHangupAs(CallOutcome outcome) {
    hangupMeans = outcome;
  }

  /** Zeroes the call's memory now, before a transfer or hangup command goes out. Idempotent. */
  public void zeroMemory() {
    if (memory != null && memory.release()) {
      metrics.memoryZeroed();
    }
  }

  /**
   * Ends the call: zeroes its memory, fails commands still waiting, and closes the AGI connection
   * (a half-close, so Asterisk can send its closing {@code HANGUP}).
   *
   * @return true if this call ended the session, false if it had ended already
   */
  public boolean finish(CallOutcome how) {
    if (!OUTCOME.compareAndSet(this, null, how)) {
      return false;
    }
    zeroMemory();
    metrics.callEnded(how, memory != null);
    failCurrent();
    try {
      channel.eventLoop().execute(this::closeConnection);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The event loop already stopped (engine shut down): its channels are closed with it.
    } finally {
      CompletableFuture<CallOutcome> future = ended;
      if (future != null) {
        future.complete(how); // else ended() completes it when asked
      }
      tellEnd();
    }
    return true;
  }

  /**
   * Sends a command unless the call already ended; the caller then waits on its reply slot, or
   * listens to it. The write uses the void promise: a failed write fires {@code exceptionCaught},
   * which ends the call, and ending the call fails {@link #current} (the command may not have
   * reached the encoder's in-flight queue), so no listener is needed per command.
   */
  void send(PendingCommand command) {
    current = command;
    ReplyDeadlines table = deadlines;
    if (table != null && command.reply().hasDeadline()) {
      table.arm(deadlineIndex, command.reply().deadlineNanos());
    }
    if (outcome != null) {
      command.reply().fail(new CallEndedException(currentReason()));
      return;
    }
    channel.writeAndFlush(command, channel.voidPromise());
    if (outcome != null) {
      // finish() may have run between the check above and the write.
      command.reply().fail(new CallEndedException(currentReason()));
    }
  }

  private void failCurrent() {
    PendingCommand waiting = current;
    if (waiting != null && !waiting.reply().isDone()) {
      waiting.reply().fail(new CallEndedException(currentReason()));
    }
  }

  CallEndedException.Reason currentReason() {
    CallOutcome current = outcome;
    return current == null ? CallEndedException.Reason.CONNECTION_LOST : current.reason();
  }

  private void closeConnection() {
    for (PendingCommand waiting : inFlight.drain()) {
      if (!waiting.reply().isDone()) {
        waiting.reply().fail(new CallEndedException(currentReason()));
      }
    }
    if (!channel.isActive()) {
      return;
    }
    if (channel instanceof DuplexChannel duplex && !duplex.isOutputShutdown()) {
      // The void promise: nobody waits on the half-close; were it to fail, the pipeline hears it
      // (exceptionCaught finds the call ended) and the linger below still closes.
      duplex.shutdownOutput(channel.voidPromise());
      // An entry in the loop's timeouts, not a Netty timer (a lambda and a scheduled task) per
      // call.
      LoopTimeouts.of(channel.eventLoop()).add(this, settings.closeLinger());
    } else {
      channel.close();
    }
  }

  /**
   * The close linger passed (on the loop): closes the connection unless Asterisk closed it first,
   * as it does right after its closing {@code HANGUP}. Closing a closed channel made a promise and
   * an exception.
   */
  @Override
  public void timedOut() {
    if (channel.isOpen()) {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return "CallSession[" + info.uniqueId() + ", " + info.tenant() + "/" + info.flow() + "]";
  }
}

package io.tabula.engine.server;

import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSession;
import io.tabula.engine.session.ReplyDeadlines;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The calls an engine is running, so that shutdown can wait for them and end the rest.
 *
 * <p>Nothing per call beyond the call's entry in the reply-deadline table ({@link ReplyDeadlines}),
 * which already names every call until its runner is done with it: the registry counts calls and
 * hears of their end through one listener shared by all ({@link CallSession#reportEndTo}). A set of
 * its own and a completion stage on each call's {@code ended} cost a map node, a lambda and a
 * completion node per call (≈ 190 bytes; docs/engine.md, "The event loop's wake-up").
 */
final class SessionRegistry {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SessionRegistry.class);

  private final ReplyDeadlines deadlines = new ReplyDeadlines();
  private final AtomicInteger running = new AtomicInteger();
  private final Consumer<CallSession> ended = this::ended;
  private volatile CapacityMetrics capacity;

  /** Counts routed calls (those holding call memory) per tenant from now on. */
  void countInto(CapacityMetrics metrics) {
    this.capacity = metrics;
  }

  /** Before the call's thread starts: the thread gives the deadline entry back when it ends. */
  void add(CallSession session) {
    running.incrementAndGet();
    CapacityMetrics counted = counted(session);
    if (counted != null) {
      counted.callStarted(session.info().tenant());
    }
    session.trackDeadlinesIn(deadlines);
    session.reportEndTo(ended);
  }

  /** Once per call, on the thread that ended it. */
  private void ended(CallSession session) {
    running.decrementAndGet();
    CapacityMetrics counted = counted(session);
    if (counted != null) {
      counted.callEnded(session.info().tenant());
    }
  }

  /** Where the call counts per tenant: only a routed call holds memory. */
  private CapacityMetrics counted(CallSession session) {
    return session.holdsMemory() ? capacity : null;
  }

  /** Calls started and not yet ended. */
  int size() {
    return running.get();
  }

  /** The calls not ended yet (a snapshot). */
  private List<CallSession> live() {
    return deadlines.sessions().stream().filter(session -> !session.ended().isDone()).toList();
  }

  /**
   * Fails every waiting command whose reply is overdue (its call's thread then ends the call with
   * REPLY_TIMEOUT). Run periodically: one pass over the calls' deadline table ({@link
   * ReplyDeadlines}) costs far less than a timer per command would at thousands of commands per
   * second.
   *
   * @return how many commands were overdue
   */
  int expireOverdue() {
    return deadlines.expireOverdue(System.nanoTime());
  }

  /**
   * Drain: waits until every call ended or {@code drainTimeout} passed; sends the rest through
   * their flow's error path ({@link CallSession#requestErrorPath}) and gives them {@code
   * errorPathGrace} to get there; ends whatever still runs after that with {@link
   * CallOutcome#ENGINE_SHUTDOWN}.
   *
   * @return how many calls took the error path, and how many were cut off after it
   */
  DrainResult drain(Duration drainTimeout, Duration errorPathGrace) throws InterruptedException {
    awaitAll(drainTimeout);
    // A call that ended keeps its deadline entry until its runner is done, and the wait above can
    // wake before that: live() leaves such calls out, they did not outlast anything (seen in
    // ThreeEnginesTest: "1 call(s) outlasted drain.timeout" 2 s into a 600 s drain).
    List<CallSession> outlasting = live();
    if (!outlasting.isEmpty() && !errorPathGrace.isZero()) {
      outlasting.forEach(CallSession::requestErrorPath);
      LOG.info(
          "drain.timeout reached: {} call(s) in progress take their flow's error path at their"
              + " next command; they get up to {} s (shutdown.deadline)",
          outlasting.size(),
          errorPathGrace.toSeconds());
      awaitAll(errorPathGrace);
    }
    return new DrainResult(outlasting.size(), cutAll());
  }

  /** What a drain did beyond waiting: calls sent through their error path, calls cut off. */
  record DrainResult(int errorPath, int cut) {}

  private void awaitAll(Duration limit) throws InterruptedException {
    List<CompletableFuture<CallOutcome>> ends = live().stream().map(CallSession::ended).toList();
    try {
      CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
          .get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Fall through: the caller deals with whatever still runs.
    }
  }

  /** Ends every running call now with {@link CallOutcome#ENGINE_SHUTDOWN}; returns how many. */
  int cutAll() {
    int cut = 0;
    for (CallSession session : live()) {
      if (session.finish(CallOutcome.ENGINE_SHUTDOWN)) {
        cut++;
      }
    }
    return cut;
  }
}

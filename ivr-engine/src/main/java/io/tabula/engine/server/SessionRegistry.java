package io.tabula.engine.server;

import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSession;
import io.tabula.engine.session.ReplyDeadlines;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The calls an engine is running, so that shutdown can wait for them and end the rest. */
final class SessionRegistry {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SessionRegistry.class);

  private final Set<CallSession> live = ConcurrentHashMap.newKeySet();
  private final ReplyDeadlines deadlines = new ReplyDeadlines();
  private volatile CapacityMetrics capacity;

  /** Counts routed calls (those holding call memory) per tenant from now on. */
  void countInto(CapacityMetrics metrics) {
    this.capacity = metrics;
  }

  /** Before the call's thread starts: the thread gives the deadline entry back when it ends. */
  void add(CallSession session) {
    live.add(session);
    session.trackDeadlinesIn(deadlines);
    CapacityMetrics counted = session.memory().isPresent() ? capacity : null;
    String tenant = session.info().tenant();
    if (counted != null) {
      counted.callStarted(tenant);
    }
    // A listener, not ended().whenComplete: that made two futures and a completion per call.
    session.whenEnded(
        () -> {
          live.remove(session);
          if (counted != null) {
            counted.callEnded(tenant);
          }
        });
  }

  int size() {
    return live.size();
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
    // A call that just ended may still be in live: its removal runs after its end completes, and
    // the wait above can wake first. Such a call did not outlast anything (seen in
    // ThreeEnginesTest: "1 call(s) outlasted drain.timeout" 2 s into a 600 s drain).
    List<CallSession> outlasting =
        live.stream().filter(session -> !session.ended().isDone()).toList();
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
    List<CompletableFuture<CallOutcome>> running = live.stream().map(CallSession::ended).toList();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Fall through: the caller deals with whatever still runs.
    }
  }

  /** Ends every running call now with {@link CallOutcome#ENGINE_SHUTDOWN}; returns how many. */
  int cutAll() {
    int cut = 0;
    for (CallSession session : List.copyOf(live)) {
      if (session.finish(CallOutcome.ENGINE_SHUTDOWN)) {
        cut++;
      }
    }
    return cut;
  }
}

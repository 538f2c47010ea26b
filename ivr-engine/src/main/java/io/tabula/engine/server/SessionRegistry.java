package io.tabula.engine.server;

import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSession;
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

  private final Set<CallSession> live = ConcurrentHashMap.newKeySet();

  void add(CallSession session) {
    live.add(session);
    session.ended().whenComplete((outcome, error) -> live.remove(session));
  }

  int size() {
    return live.size();
  }

  /**
   * Fails every waiting command whose reply is overdue (its call's thread then ends the call with
   * REPLY_TIMEOUT). Run periodically: one pass over the calls costs far less than a timer per
   * command would at thousands of commands per second.
   *
   * @return how many commands were overdue
   */
  int expireOverdue() {
    long now = System.nanoTime();
    int overdue = 0;
    for (CallSession session : live) {
      if (session.expireOverdue(now)) {
        overdue++;
      }
    }
    return overdue;
  }

  /**
   * Waits until every call ended or the deadline passed, then ends the rest with {@link
   * CallOutcome#ENGINE_SHUTDOWN}.
   *
   * @return how many calls were cut off
   */
  int drain(Duration deadline) throws InterruptedException {
    List<CompletableFuture<CallOutcome>> running = live.stream().map(CallSession::ended).toList();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Fall through: whatever still runs is cut off below.
    }
    return cutAll();
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

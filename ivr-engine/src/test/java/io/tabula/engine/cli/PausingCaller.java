package io.tabula.engine.cli;

import io.tabula.engine.pbx.Caller;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.InputRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * A caller that stops at its {@code pauseAt}-th input request (0 = the first) until {@code release}
 * completes, and counts {@code paused} down when it gets there: so a test knows its calls are in
 * progress, and at which step, before it stops an engine.
 */
final class PausingCaller implements Caller {

  private final Caller caller;
  private final int pauseAt;
  private final CompletableFuture<Void> release;
  private final CountDownLatch paused;
  private int inputs;

  PausingCaller(
      Caller caller, int pauseAt, CompletableFuture<Void> release, CountDownLatch paused) {
    this.caller = caller;
    this.pauseAt = pauseAt;
    this.release = release;
    this.paused = paused;
  }

  @Override
  public synchronized CompletionStage<CallerAction> input(InputRequest request) {
    if (inputs++ != pauseAt) {
      return caller.input(request);
    }
    paused.countDown();
    return release.thenCompose(ignored -> caller.input(request));
  }

  @Override
  public boolean hangsUpBefore(String command) {
    return caller.hangsUpBefore(command);
  }

  @Override
  public void heard(Heard heard) {
    caller.heard(heard);
  }
}

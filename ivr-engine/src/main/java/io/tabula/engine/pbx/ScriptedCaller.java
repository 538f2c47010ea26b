package io.tabula.engine.pbx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A caller that follows a script: one action per input command, in order; silence once the script
 * is used up. A {@link CallerAction.HangUp} at the head of the script also ends the next non-input
 * command, so a script can hang up at any step.
 *
 * <pre>{@code
 * Caller caller = ScriptedCaller.keys("1234#,4242424242424242"); // two inputs
 * Caller quitter = new ScriptedCaller(List.of(CallerAction.Keys.fast("1"), new CallerAction.HangUp(Duration.ZERO)));
 * }</pre>
 */
public final class ScriptedCaller implements Caller {

  private final Deque<CallerAction> script;
  private final List<Heard> heard = new ArrayList<>();
  private int hangUpBefore;
  private int commands;

  public ScriptedCaller(List<? extends CallerAction> actions) {
    this.script = new ArrayDeque<>(actions);
  }

  /**
   * A script from comma-separated key groups, for tests ({@code tabula call --keys} takes the
   * {@link io.tabula.flows.simulate.KeyScript} syntax instead): {@code h} hangs up, an empty group
   * stays silent.
   */
  public static ScriptedCaller keys(String groups) {
    return keys(groups, Duration.ZERO, Duration.ZERO);
  }

  public static ScriptedCaller keys(String groups, Duration firstKeyDelay, Duration keyGap) {
    List<CallerAction> actions = new ArrayList<>();
    for (String group : groups.split(",", -1)) {
      String keys = group.trim();
      if (keys.equalsIgnoreCase("h")) {
        actions.add(new CallerAction.HangUp(Duration.ZERO));
      } else if (keys.isEmpty()) {
        actions.add(new CallerAction.Silence());
      } else {
        actions.add(new CallerAction.Keys(keys, firstKeyDelay, keyGap));
      }
    }
    return new ScriptedCaller(actions);
  }

  @Override
  public synchronized CompletionStage<CallerAction> input(InputRequest request) {
    CallerAction next = script.pollFirst();
    return CompletableFuture.completedFuture(next == null ? new CallerAction.Silence() : next);
  }

  /** Hangs up just before the {@code n}-th command (1 is the first). */
  public synchronized ScriptedCaller hangUpBeforeCommand(int n) {
    hangUpBefore = n;
    return this;
  }

  @Override
  public synchronized boolean hangsUpBefore(String command) {
    return ++commands == hangUpBefore;
  }

  @Override
  public synchronized void heard(Heard what) {
    heard.add(what);
  }

  /** What this caller heard so far. */
  public synchronized List<Heard> heard() {
    return List.copyOf(heard);
  }
}

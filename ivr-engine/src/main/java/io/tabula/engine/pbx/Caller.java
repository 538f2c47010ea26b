package io.tabula.engine.pbx;

import java.util.concurrent.CompletionStage;

/**
 * The person (or script) on the phone. The PBX asks it for input whenever a command waits for keys,
 * and tells it what it hears. Methods are called on the connection's event loop: return a completed
 * stage for scripted input, or complete it later from another thread.
 */
public interface Caller {

  /** What the caller does while {@code request} waits. */
  CompletionStage<CallerAction> input(InputRequest request);

  /**
   * Asked before every command: whether the caller hangs up now, before the command runs (Asterisk
   * then sends {@code HANGUP} and treats the command as on a dead channel). A person hangs up
   * through {@link #input} instead.
   */
  default boolean hangsUpBefore(String command) {
    return false;
  }

  default void heard(Heard heard) {}

  /**
   * Whether this caller answers an input request only once it is over, in real time (a person at a
   * keypad: the keys as they were pressed, or silence after the command's timeout): then the PBX
   * replies at once instead of playing out the keys' timings and the timeout a second time.
   */
  default boolean inRealTime() {
    return false;
  }
}
